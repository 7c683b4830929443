// SPDX-License-Identifier: MIT
// Extra indicators used by the seed facts of document 001_0e7ef2388a968c5b (Huzhou 2016 work summary).
#pragma once
#include <string_view>
namespace regind::detail::data {
inline constexpr std::string_view indicator_catalogue_b_csv = R"regind(
code,name_zh,name_en,unit,direction,price_basis
abaa_cooperation_projects_signed,ABAA国际锂电池会议签约合作项目数,Cooperation projects signed at the ABAA lithium battery conference,个,higher,na
admin_approvals_cancelled,取消行政审批事项数,Administrative approval items cancelled,项,higher,na
admin_approvals_delegated,下放行政审批权限事项数,Administrative approval powers delegated to counties,项,higher,na
big_good_high_new_projects_started,新引进“大好高”项目新开工数,"Newly introduced large, good and high-tech projects started",项,higher,na
big_good_high_projects_completed,工业“大好高”项目竣工投产数,"Large, good and high-tech industrial projects completed and in production",项,higher,na
big_good_high_projects_started,工业“大好高”项目新开工数,"Large, good and high-tech industrial projects started",项,higher,na
bulk_cement_rate,水泥散装率,Bulk cement ratio,%,higher,na
bulk_cement_supply,散装水泥供应量,Bulk cement supply,万吨,higher,na
cement_output,水泥产量,Cement output,万吨,neutral,na
charging_piles,充电桩数,Electric vehicle charging piles,个,higher,na
clay_brick_kilns_closed,关停拆除粘土砖瓦窑数,Clay brick kilns closed and demolished,座,higher,na
energy_inspection_units,节能监察单位数,Units under energy conservation inspection,家,neutral,na
energy_saving_renovation_projects,市重点节能技改项目数,Municipal key energy-saving renovation projects,项,higher,na
enterprise_tech_centres_municipal_new,新增市级企业技术中心数,New municipal enterprise technology centres,家,higher,na
enterprise_tech_centres_national_new,新增国家级企业技术中心数,New national enterprise technology centres,家,higher,na
enterprises_g20_production_restricted,G20峰会期间停限产企业数,Enterprises under production restrictions during the G20 summit,家,neutral,na
enterprises_q4_output_increase,四季度可增产企业数,Enterprises able to increase output in the fourth quarter,家,higher,na
free_wifi_access_points,免费WiFi开放AP数,Free WiFi access points,个,higher,na
free_wifi_sites,免费WiFi覆盖场所数,Public places with free WiFi coverage,个,higher,na
hidden_champions_pool,“隐形冠军”培育企业数,Enterprises in the hidden champion cultivation pool,家,higher,na
ii_pilot_enterprises,“两化”融合试点企业数,Pilot enterprises for integration of informatisation and industrialisation,家,higher,na
ii_service_participating_enterprises,“两化”融合进企服务参加企业数,Enterprises taking part in integration outreach events,家,higher,na
industrial_strong_county_evaluation,工业强县(市、区)综合评价,Comprehensive evaluation of industrially strong counties,1,higher,na
inv_big_good_high_projects,工业“大好高”项目完成投资,"Investment in large, good and high-tech industrial projects",亿元,higher,current
inv_information_economy,信息经济产业投资,Investment in the information economy,亿元,higher,current
inv_tech_renovation_over_target,技术改造投资超额完成年度目标幅度,Technical renovation investment in excess of the annual target,%,higher,na
inv_three_hundred_emerging,百项新兴重点项目完成投资,Investment in emerging key projects (Three Hundred Plan),亿元,higher,current
inv_three_hundred_plan,工业投资“三百计划”完成投资,Investment completed under the industrial investment Three Hundred Plan,亿元,higher,current
inv_three_hundred_robot,百项“机器换人”重点项目完成投资,Investment in robot substitution key projects (Three Hundred Plan),亿元,higher,current
inv_three_hundred_smart,百项“智能制造”重点项目完成投资,Investment in smart manufacturing key projects (Three Hundred Plan),亿元,higher,current
inv_zero_land_renovation_projects_planned,“零土地”技改备案项目计划总投资,Planned investment of zero-new-land technical renovation projects,亿元,higher,current
jinniu_enterprises,“金牛”企业数,Golden Bull enterprises,家,higher,na
jinxiang_enterprises,“金象”企业数,Golden Elephant enterprises,家,higher,na
jinxiang_jinniu_cultivated_enterprises,“金象金牛”培育企业数,Golden Elephant and Golden Bull cultivation enterprises,家,higher,na
key_industrial_platforms_monitored,监测重点工业平台数,Key industrial platforms monitored,个,neutral,na
key_subsectors_transformation,重点细分行业转型升级行业数,Key sub-sectors in transformation and upgrading,个,neutral,na
key_tasks_completed,完成重点任务数,Major tasks completed,个,higher,na
ma_training_participants,企业兼并重组培训参加人数,Participants in enterprise merger and acquisition training,名,higher,na
miit_ii_management_pilot_enterprises,工信部“两化”融合管理体系贯标试点企业数,MIIT pilot enterprises for the integration management system standard,家,higher,na
new_big_good_high_projects,新增引进工业“大好高”项目数,"Newly introduced large, good and high-tech industrial projects",项,higher,na
new_cio_trained,新增培育企业首席信息官数,Enterprise chief information officers newly trained,人,higher,na
new_miit_ii_management_pilot_enterprises,新增工信部“两化”融合管理体系贯标试点企业数,New MIIT pilot enterprises for the integration management system standard,家,higher,na
new_municipal_ii_key_projects,新增市级“两化”融合重点项目数,New municipal key projects for integration of informatisation and industrialisation,个,higher,na
new_product_contribution_rate,规上工业新产品产值贡献率,Contribution rate of new products to industrial output growth,%,higher,na
policy_compilations_printed,政策汇编印发册数,Policy compilations printed and distributed,册,neutral,na
provincial_excellent_new_products,省级优秀工业新产品数,Provincial excellent industrial new products,项,higher,na
provincial_ii_demo_areas,省级“两化”深度融合示范试点区域数,Provincial demonstration areas for deep integration of informatisation and industrialisation,个,higher,na
provincial_key_electronic_info_enterprises,入围省电子信息产业重点企业名单企业数,Enterprises on the provincial list of key electronic information enterprises,家,higher,na
provincial_new_industrialisation_demo_bases_applied,申报省级新型工业化产业示范基地数,Applications for provincial new industrialisation demonstration bases,个,higher,na
provincial_smart_manufacturing_demo_projects,省级智能制造示范项目数,Provincial smart manufacturing demonstration projects,个,higher,na
provincial_tech_renovation_key_projects,列入省技术改造重点项目计划项目数,Projects listed in the provincial key technical renovation plan,个,higher,na
pv_installed_capacity,光伏装机容量,Installed photovoltaic capacity,MW,higher,na
ready_mixed_concrete_supply,预拌混凝土供应量,Ready-mixed concrete supply,万立方米,higher,na
ready_mixed_mortar_use,预拌砂浆应用量,Ready-mixed mortar use,万吨,higher,na
robot_application_projects,机器人应用项目数,Industrial robot application projects,个,higher,na
single_champion_applicants,申报制造业单项冠军企业数,Enterprises applying for manufacturing single champion status,家,higher,na
small_micro_monitoring_assessment,小微企业监测工作考核,Assessment of small and micro enterprise monitoring work,1,higher,na
smart_manufacturing_pilot_projects,重点企业智能制造示范试点项目数,Smart manufacturing pilot projects of key enterprises,个,higher,na
stable_growth_working_groups,稳增长工作组数,Working groups for stabilising growth,个,neutral,na
talent_leading_innovative_introduced,引进创新领军人才数,Leading innovative talents introduced,人,higher,na
talent_provincial_selected,浙江省千人计划入选数,Talents selected for the Zhejiang Thousand Talents Plan,人,higher,na
tech_innovation_demo_enterprises_provincial_new,新增省级技术创新示范企业数,New provincial technological innovation demonstration enterprises,家,higher,na
telecom_tower_base_stations_built,新建及改建铁塔基站数,Telecom tower base stations built or rebuilt,个,higher,na
three_famous_pilot_enterprises_provincial_new,新增省级“三名”培育试点企业数,New provincial “three famous” pilot enterprises,家,higher,na
three_hundred_emerging_completed,百项新兴重点项目竣工数,Emerging key projects completed (Three Hundred Plan),项,higher,na
three_hundred_emerging_projects,工业投资“三百计划”新兴产业项目数,Emerging industry projects in the industrial investment Three Hundred Plan,项,higher,na
three_hundred_emerging_started,百项新兴重点项目新开工数,Emerging key projects newly started (Three Hundred Plan),项,higher,na
three_hundred_emerging_under_construction,百项新兴重点项目在建数,Emerging key projects under construction (Three Hundred Plan),项,higher,na
three_hundred_plan_completion_rate,“三百计划”项目竣工率,Completion rate of Three Hundred Plan projects,%,higher,na
three_hundred_plan_start_rate,“三百计划”项目开工率,Start rate of Three Hundred Plan projects,%,higher,na
three_hundred_robot_completed,百项“机器换人”重点项目竣工数,Robot substitution key projects completed (Three Hundred Plan),项,higher,na
three_hundred_robot_projects,工业投资“三百计划”技术改造(机器换人)项目数,Technical renovation (robot substitution) projects in the Three Hundred Plan,项,higher,na
three_hundred_robot_started,百项“机器换人”重点项目新开工数,Robot substitution key projects newly started (Three Hundred Plan),项,higher,na
three_hundred_robot_under_construction,百项“机器换人”重点项目在建数,Robot substitution key projects under construction (Three Hundred Plan),项,higher,na
three_hundred_smart_completed,百项“智能制造”重点项目竣工数,Smart manufacturing key projects completed (Three Hundred Plan),项,higher,na
three_hundred_smart_projects,工业投资“三百计划”智能制造、两化融合项目数,Smart manufacturing and integration projects in the Three Hundred Plan,项,higher,na
three_hundred_smart_under_construction,百项“智能制造”重点项目在建数,Smart manufacturing key projects under construction (Three Hundred Plan),项,higher,na
transformation_briefings_issued,转型升级活动信息简报期数,Issues of the transformation campaign information bulletin,期,neutral,na
transformation_departments,转型升级涉工部门数,Industry-related departments in the transformation campaign,个,neutral,na
transformation_inspections,转型升级专项督查次数,Special inspections of the transformation campaign,次,neutral,na
transformation_key_indicators,工业转型升级主要指标数,Main indicators of industrial transformation and upgrading,项,neutral,na
va_textiles_building_materials,规上纺织建材产业增加值,Value added of textiles and building materials industries above designated size,亿元,neutral,comparable
zero_land_renovation_projects,“零土地”技改备案项目数,Zero-new-land technical renovation projects filed,个,higher,na
zhejiang_made_fine_products,浙江制造精品数,Made in Zhejiang fine products,项,higher,na
zombie_enterprises_disposed,处置“僵尸企业”数,Zombie enterprises disposed of,家,higher,na
zombie_enterprises_registered,“僵尸企业”档案库企业数,Enterprises in the zombie enterprise register,家,lower,na
)regind";
}  // namespace regind::detail::data
