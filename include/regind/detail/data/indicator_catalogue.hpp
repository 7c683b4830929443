// SPDX-License-Identifier: MIT
// Indicator catalogue (code, names, unit, direction, price basis) used by the seed facts of documents 000-004.
#pragma once
#include <string_view>
namespace regind::detail::data {
inline constexpr std::string_view indicator_catalogue_csv = R"regind(
code,name_zh,name_en,unit,direction,price_basis
gdp,地区生产总值,Gross regional product,亿元,higher,current
va_industry,规模以上工业增加值,Value added of industry above designated size,亿元,higher,comparable
va_strategic_emerging,规上战略性新兴产业增加值,Value added of strategic emerging industries above designated size,亿元,higher,comparable
va_high_tech_industries,规上高新技术产业增加值,Value added of high and new technology industries above designated size,亿元,higher,comparable
va_equipment_manufacturing,规上装备制造业增加值,Value added of equipment manufacturing above designated size,亿元,higher,comparable
va_high_end_equipment,高端装备产业增加值,Value added of high-end equipment industry,亿元,higher,comparable
va_information_manufacturing,规上信息制造业增加值,Value added of information manufacturing above designated size,亿元,higher,comparable
va_digital_core_manufacturing,数字经济核心产业制造业增加值,Value added of core digital economy manufacturing above designated size,亿元,higher,comparable
va_high_tech_manufacturing,高技术制造业增加值,Value added of high-technology manufacturing,亿元,higher,comparable
va_digital_core,数字经济核心产业增加值,Value added of core digital economy industries,亿元,higher,current
va_manufacturing,制造业增加值,Value added of manufacturing,亿元,higher,comparable
inv_industry,工业投资,Industrial investment,亿元,higher,current
inv_manufacturing,制造业投资,Manufacturing investment,亿元,higher,current
inv_tech_renovation,技术改造投资,Technological renovation investment,亿元,higher,current
inv_equipment_manufacturing,装备制造业投资,Equipment manufacturing investment,亿元,higher,current
export_delivery_value,规上工业出口交货值,Export delivery value of industry above designated size,亿元,higher,current
electricity_industry,工业用电量,Industrial electricity consumption,亿千瓦时,neutral,na
profit_tax_industry,规上工业利税总额,Total profits and taxes of industry above designated size,亿元,higher,current
profit_industry,规上工业利润总额,Total profits of industry above designated size,亿元,higher,current
output_new_products,规上工业新产品产值,Output value of new products of industry above designated size,亿元,higher,current
new_product_output_rate,规上工业新产品产值率,New product output rate of industry above designated size,%,higher,na
labour_productivity_manufacturing,规上制造业全员劳动生产率,Overall labour productivity of manufacturing above designated size,万元/人,higher,current
va_industry_per_mu,规上工业亩均增加值,Value added per mu of industry above designated size,万元/亩,higher,current
energy_per_va_industry,单位规上工业增加值能耗,Energy consumption per unit of value added of industry above designated size,吨标煤/万元,lower,na
enterprises_above_size,规上工业企业数,Number of industrial enterprises above designated size,家,higher,na
high_tech_enterprises,高新技术企业数,Number of high and new technology enterprises,家,higher,na
listed_companies,上市企业数,Number of listed companies,家,higher,na
little_giants,专精特新“小巨人”企业数,Number of specialised and sophisticated “little giant” enterprises,家,higher,na
energy_space_freed,腾出用能空间,Energy-use headroom freed,万吨标煤,higher,na
land_inefficient_revitalised,盘活/腾退低效用地,Inefficiently used land revitalised or vacated,亩,higher,na
burden_reduction,为企业减负,Burden reduction for enterprises (cost and burden cuts),亿元,higher,current
information_development_index,信息化发展指数,Information development index,1,higher,na
industrialisation_informatisation_index,“两化”融合指数,Index of integration of informatisation and industrialisation,1,higher,na
base_stations_5g,5G基站数,Number of 5G base stations,个,higher,na
advanced_manufacturing_city_index,先进制造业百强市综合实力,Overall strength of advanced manufacturing cities (national top-100 list),1,higher,na
manufacturing_hq_development_index,制造业高质量发展指数,Manufacturing high-quality development index,1,higher,na
digital_economy_development_index,数字经济发展水平总指数,Overall index of digital economy development,1,higher,na
digital_economy_system_assessment,数字经济系统建设综合考核,Comprehensive assessment of digital economy system construction,1,higher,na
industrial_projects_started_100m,新开工亿元以上工业项目数,Industrial projects of 100 million yuan or more started,个,higher,na
industrial_projects_started_300m,新开工3亿元以上工业项目数,Industrial projects of 300 million yuan or more started,个,higher,na
industrial_projects_completed_100m,新竣工亿元以上工业项目数,Industrial projects of 100 million yuan or more completed,个,higher,na
industrial_projects_completed_300m,新竣工3亿元以上工业项目数,Industrial projects of 300 million yuan or more completed,个,higher,na
stalled_projects_resolved,工业“五未”项目化解数,Stalled industrial projects (“five nots”) resolved,个,higher,na
inv_stalled_projects_resolved,化解“五未”项目贡献工业投资,Industrial investment contributed by resolved stalled projects,亿元,higher,current
industrial_land_supplied,新供工业用地,Industrial land newly supplied,亩,neutral,na
industrial_land_transferred,工业用地出让面积,Industrial land transferred,亩,neutral,na
construction_land_quota_reward,建设用地指标奖励,Construction land quota awarded,亩,higher,na
domestic_projects_100m_introduced,引进亿元以上内资项目数,Domestic-funded projects of 100 million yuan or more introduced,个,higher,na
domestic_projects_1bn_introduced,引进10亿元以上内资项目数,Domestic-funded projects of 1 billion yuan or more introduced,个,higher,na
domestic_projects_5bn_introduced,引进50亿元以上内资项目数,Domestic-funded projects of 5 billion yuan or more introduced,个,higher,na
industrial_land_domestic_investment_filed,新增工业用地内资项目备案投资额,Filed investment of new domestic-funded projects on industrial land,亿元,higher,current
major_manufacturing_projects_1bn,10亿元以上重大制造业项目数,Major manufacturing projects of 1 billion yuan or more,项,higher,na
xinshenggui_projects,“新升规”项目数,Projects newly reaching the designated size (“xin sheng gui”),个,higher,na
endogenous_expansion_projects_new,新增实施内生裂变项目数,New endogenous expansion projects by existing enterprises,个,higher,na
special_bond_funds_industry,工业领域“两新”超长期特别国债支持资金,Ultra-long special treasury bond funds for industrial equipment renewal,亿元,higher,current
new_project_concentration,新上项目集聚度,Concentration of new projects in key industrial chains,%,higher,na
single_champions_national_new,新增国家制造业单项冠军数,New national manufacturing single champions,个,higher,na
single_champions_cultivated_new,新增单项冠军(培育)企业数,New single champion (cultivation) enterprises,家,higher,na
hidden_champions_new,新增隐形冠军企业数,New hidden champion enterprises,家,higher,na
little_giants_new,新增专精特新“小巨人”企业数,New specialised and sophisticated “little giant” enterprises,家,higher,na
specialised_smes_provincial_new,新增省级专精特新中小企业数,New provincial specialised and sophisticated SMEs,家,higher,na
jinxiang_jinniu_enterprises,“金象金牛”企业数,Number of “golden elephant and golden ox” leading enterprises,家,higher,na
enterprises_output_1bn_plus,产值超十亿元企业数,Enterprises with output value above 1 billion yuan,家,higher,na
enterprises_output_10bn_plus,产值超百亿元企业数,Enterprises with output value above 10 billion yuan,家,higher,na
private_enterprises_top500,中国民营企业500强企业数,Enterprises in the China top 500 private enterprises,家,higher,na
private_manufacturing_top500,中国民营企业制造业500强企业数,Enterprises in the China top 500 private manufacturing enterprises,家,higher,na
electronics_top100_enterprises,全国电子信息百强企业数,Enterprises in the national top 100 electronics and information enterprises,家,higher,na
provincial_key_tech_projects,省重点技术创新和重点高新技术产品项目数,Provincial key technological innovation and key high-tech product projects,项,higher,na
new_products_provincial_filed,省级工业新产品备案(立项)数,Provincial new industrial products filed,项,higher,na
new_products_appraised,新产品鉴定数,New products appraised,项,higher,na
enterprise_tech_centres_provincial_new,新增省级企业技术中心数,New provincial enterprise technology centres,家,higher,na
enterprise_tech_centres_municipal_plus_new,新增市级以上企业技术中心数,New enterprise technology centres at municipal level or above,家,higher,na
first_sets_domestic_new,新增国内首台(套)产品数,New domestic first-of-its-kind (set) products,项,higher,na
first_sets_provincial_new,新增省级首台(套)产品数,New provincial first-of-its-kind (set) products,项,higher,na
first_sets_municipal_plus_new,新认定市级以上首台(套)产品数,New first-of-its-kind (set) products at municipal level or above,项,higher,na
tech_innovation_teams_new,新增骨干型技术创新团队数,New core technological innovation teams,个,higher,na
green_factory_star_coverage,星级绿色工厂占规上工业企业比重,Share of industrial enterprises above designated size under star-rated green factory management,%,higher,na
green_factories_star_upgraded,绿色工厂“提质升星”数,Green factories upgraded in star rating,家,higher,na
green_factories_new,新创建绿色工厂数,New green factories,家,higher,na
green_factories_national,国家级绿色工厂数,National green factories,家,higher,na
green_factories_national_new,新增国家级绿色工厂数,New national green factories,个,higher,na
green_design_demo_enterprises_national,国家级工业产品绿色设计示范企业数,National industrial product green design demonstration enterprises,家,higher,na
green_design_demo_enterprises_national_new,新增国家级工业产品绿色设计示范企业数,New national industrial product green design demonstration enterprises,家,higher,na
green_industrial_parks_national,国家级绿色工业园区数,National green industrial parks,个,higher,na
green_industrial_parks_national_new,新增国家级绿色工业园区数,New national green industrial parks,个,higher,na
green_low_carbon_parks_provincial_new,新增省级绿色低碳工业园区数,New provincial green low-carbon industrial parks,个,higher,na
green_parks_new,新创建绿色园区数,New green industrial parks,家,higher,na
green_supply_chain_enterprises_national,国家级绿色供应链管理企业数,National green supply chain management enterprises,家,higher,na
water_saving_enterprises_new,新创建节水型企业数,New water-saving enterprises,家,higher,na
cleaner_production_audits,通过清洁生产审核企业数,Enterprises passing cleaner production audits,家,higher,na
energy_per_va_industry_decline,单位规上工业增加值能耗降低率,Decline rate of energy consumption per unit of value added of industry above designated size,%,higher,na
low_scattered_enterprises_rectified,整治“低散乱”企业(作坊)数,"“Low-end, scattered and disorderly” enterprises (workshops) rectified",家,higher,na
backward_capacity_enterprises_eliminated,淘汰落后产能涉及企业数,Enterprises involved in eliminating backward production capacity,家,higher,na
high_energy_enterprises_rectified,整治高能耗企业数,High energy consumption enterprises rectified,家,higher,na
high_emission_enterprises_rectified,整治高排放企业数,High emission enterprises rectified,家,higher,na
low_output_enterprises_rectified,整治“低产出”企业数,Low output enterprises rectified,家,higher,na
inefficient_enterprises_rectified,淘汰整治高耗低效企业数,High energy consumption and low efficiency enterprises eliminated or rectified,家,higher,na
inefficient_enterprises_closed,关停高耗低效企业数,High energy consumption and low efficiency enterprises closed,家,higher,na
small_micro_parks_built,新(改、扩)建小微企业园数,Small and micro enterprise parks built or expanded,个,higher,na
digital_economy_pilot_projects,数字经济系统先行先试项目数,Digital economy system pilot projects,个,higher,na
jiebang_guashuai_projects_provincial,省级“揭榜挂帅”项目数,Provincial open-competition (“jie bang gua shuai”) projects,个,higher,na
future_factories_provincial,省级“未来工厂”数,Provincial “future factories”,家,higher,na
future_factories_provincial_new,新增省级“未来工厂”数,New provincial “future factories”,家,higher,na
future_factory_pilots,“未来工厂”试点企业数,“Future factory” pilot enterprises,家,higher,na
smart_factories_provincial,省级智能工厂(数字化车间)数,Provincial smart factories (digital workshops),家,higher,na
smart_factories_provincial_new,新增省级智能工厂(数字化车间)数,New provincial smart factories (digital workshops),家,higher,na
full_connection_factories_5g,工信部5G全连接工厂数,5G fully connected factories (MIIT list),家,higher,na
intelligent_manufacturing_pilots,新智造试点数,New intelligent manufacturing pilots,个,higher,na
cross_scenario_application_pilots_provincial,省级多跨场景应用试点数,Provincial cross-sector application scenario pilots,个,higher,na
industrial_internet_platforms_provincial,省级工业互联网平台数,Provincial industrial internet platforms,家,higher,na
it_manufacturing_integration_demo_provincial,新一代信息技术和制造业融合省级试点示范企业数,Provincial pilot demonstration enterprises of integrating new-generation IT with manufacturing,家,higher,na
service_manufacturing_demo_national,国家级服务型制造示范数,National service-oriented manufacturing demonstrations,家,higher,na
service_manufacturing_demo_provincial,省级服务型制造示范数,Provincial service-oriented manufacturing demonstrations,家,higher,na
industrial_design_centres_provincial,省级工业设计中心数,Provincial industrial design centres,家,higher,na
digital_economy_innovation_zones_provincial,省级数字经济创新发展试验区数,Provincial digital economy innovation and development pilot zones,个,higher,na
output_smart_terminals,智能终端产业产值,Output value of the smart terminal industry,亿元,higher,current
output_smart_photovoltaics,智能光伏产业产值,Output value of the smart photovoltaic industry,亿元,higher,current
output_integrated_circuits,集成电路产业产值,Output value of the integrated circuit industry,亿元,higher,current
output_six_traditional_industries,六大传统产业规上工业总产值,Gross output value of the six traditional industries above designated size,亿元,neutral,current
revenue_emerging_industry_chains,新兴产业链规上营业收入,Operating revenue of emerging industrial chains above designated size,亿元,higher,current
revenue_software,软件业务收入,Software business revenue,亿元,higher,current
profit_key_traditional_manufacturing,重点传统制造业规上利润总额,Total profits of key traditional manufacturing above designated size,亿元,higher,current
industrial_clusters_provincial,省级特色产业集群数,Provincial characteristic industrial clusters,个,higher,na
industrial_chains_landmark,标志性产业链数,Landmark industrial chains,条,neutral,na
industrial_chain_upgrade_plans,细分产业链提升方案数,Upgrade plans for industrial chain segments,个,higher,na
towers_5g,铁塔(5G站点)数,Towers (5G sites),个,higher,na
base_stations_5g_density,5G基站覆盖密度,5G base station density,个/百万平方米,higher,na
intelligent_renovation_projects,智能化改造项目数,Intelligent renovation projects,项,higher,na
inv_intelligent_renovation,智能化改造项目投资,Investment in intelligent renovation projects,亿元,higher,current
intelligent_renovation_benchmark_projects,智能化改造标杆示范项目数,Intelligent renovation benchmark demonstration projects,个,higher,na
intelligent_renovation_pilots,智能化技术改造试点数,Intelligent technological renovation pilots,个,higher,na
automation_renovation_projects,自动化(数字化)技术改造项目数,Automation (digitalisation) technological renovation projects,个,higher,na
industrial_robots_new,新增工业机器人应用数,Industrial robots newly put into use,台,higher,na
industry_standard_applications_dyeing,印染行业规范条件申报企业数,Printing and dyeing enterprises applying for industry standard conditions,家,neutral,na
industry_standard_reviews_steel,钢铁行业规范企业复审数,Steel enterprises under industry standard re-examination,家,neutral,na
fangshui_yangyu_enterprises,“放水养鱼”培育企业数,Enterprises in the “release water to raise fish” cultivation programme,家,higher,na
fangshui_yangyu_enterprises_new,新增“放水养鱼”培育企业数,New enterprises in the “release water to raise fish” cultivation programme,家,higher,na
xiaoshenggui_pool,“小升规”培育库企业数,Enterprises in the pool for upgrading small firms to designated size,家,higher,na
xiaoshenggui_enterprises,“小升规”企业数,Small enterprises upgraded to above designated size,家,higher,na
joint_stock_companies_new,新增股份公司数,New joint-stock companies,家,higher,na
joint_stock_companies_new_above_size,规上企业变更设立股份公司数,Enterprises above designated size converted into joint-stock companies,家,higher,na
talent_national_innovation_reported,上报国家级创新人才数,Candidates reported for national innovative talent programmes,人,higher,na
talent_national_youth_reported,上报国家级青年人才数,Candidates reported for national young talent programmes,人,higher,na
talent_provincial_long_term,省级企业创新长期人才数,Provincial long-term enterprise innovation talents,人,higher,na
talent_national_selected,国家引才计划入选数,Talents selected for national talent recruitment programmes,人,higher,na
high_level_talent_to_enterprises,流向企业的新引进高层次人才和团队,Newly introduced high-level talents and teams going to enterprises,人,higher,na
rd_intensity_industry,规上工业企业R&D经费支出占营业收入比重,R&D expenditure of industrial enterprises above designated size as a share of operating revenue,%,higher,na
rd_expenditure_enterprises,企业R&D经费支出,R&D expenditure by enterprises,亿元,higher,current
patents_enterprises,企业专利数,Patents held by enterprises,项,higher,na
enterprise_visits,“三员”走访企业户次,Enterprise visits by the “three officers” service teams,户次,higher,na
enterprise_services_matched,帮助企业对接服务次数,Service matchings arranged for enterprises,次,higher,na
enterprise_requests,收集企业诉求数,Enterprise requests collected,条,neutral,na
enterprise_requests_feedback_rate,企业诉求反馈率,Feedback rate on enterprise requests,%,higher,na
policy_items_online,上线惠企政策事项数,Enterprise support policy items online,个,higher,na
policy_departments_online,上线惠企政策的部门数,Departments with enterprise support policies online,个,higher,na
policy_funds_disbursed,惠企政策兑付资金,Enterprise support funds disbursed,亿元,higher,current
funds_obtained_for_enterprises,为企业向上争取资金,Funds obtained from higher-level government for enterprises,亿元,higher,current
enterprise_code_livestreams,企业码直播活动场次,Enterprise code livestream sessions,场,higher,na
enterprise_code_livestream_views,企业码直播在线观看人次,Online views of enterprise code livestreams,人次,higher,na
donated_artworks,获捐工艺美术作品数,Arts and crafts works donated,个,higher,na
donated_artworks_value,获捐工艺美术作品价值,Value of arts and crafts works donated,元,higher,current
tiangong_ding_awards,“浙江制造天工鼎”获奖次数,“Zhejiang Manufacturing Tiangong Ding” awards won,次,higher,na
)regind";
}  // namespace regind::detail::data
