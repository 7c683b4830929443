// SPDX-License-Identifier: MIT
// Seed facts (set A) extracted from source documents 000_c4e1fff8c860fce4, 002_0aa44b95e84d5610, 003_5792007c2965e94e, 004_abf8c206d4fe9e88.
#pragma once
#include <string_view>
namespace regind::detail::data {
inline constexpr std::string_view seed_facts_a_csv = R"regind(
region_code,period,indicator,measure,value,unit,qualifier,comparator,base_period,doc,span_start,span_end,note
330500,2021,advanced_manufacturing_city_index,rank,29,位,,national_top100_advanced_manufacturing_cities,,000_c4e1fff8c860fce4,39,41,national top-100 advanced manufacturing cities
330500,2021,advanced_manufacturing_city_index,rank_change,16,位,,national_top100_advanced_manufacturing_cities,2018,000_c4e1fff8c860fce4,56,58,places gained since the first ranking in 2018
330500,2021,manufacturing_hq_development_index,rank,4,位,,zhejiang_cities,,000_c4e1fff8c860fce4,77,78,
330500,2021,va_industry,level,1245.6,亿元,,,,000_c4e1fff8c860fce4,421,427,
330500,2021,va_industry,growth_pct,13.3,%,,,,000_c4e1fff8c860fce4,432,436,
330500,2021,va_industry,growth_diff_pp,0.4,pp,,zhejiang,,000_c4e1fff8c860fce4,441,444,
330500,2021,va_strategic_emerging,growth_pct,17,%,,,,000_c4e1fff8c860fce4,476,478,
330500,2021,va_high_tech_industries,growth_pct,14.5,%,,,,000_c4e1fff8c860fce4,480,484,
330500,2021,va_equipment_manufacturing,growth_pct,20.2,%,,,,000_c4e1fff8c860fce4,486,490,
330500,2021,va_strategic_emerging,share_change_pp,2.2,pp,,,,000_c4e1fff8c860fce4,502,505,share in value added of industry above designated size
330500,2021,va_high_tech_industries,share_change_pp,2.3,pp,,,,000_c4e1fff8c860fce4,506,509,share in value added of industry above designated size
330500,2021,va_equipment_manufacturing,share_change_pp,0.6,pp,,,,000_c4e1fff8c860fce4,510,513,share in value added of industry above designated size
330500,2021,inv_industry,growth_pct,19,%,,,,000_c4e1fff8c860fce4,627,629,
330500,2021,inv_manufacturing,growth_pct,23.7,%,,,,000_c4e1fff8c860fce4,638,642,
330500,2021,inv_industry,growth_rank,5,位,,zhejiang_cities,,000_c4e1fff8c860fce4,649,650,
330500,2021,inv_manufacturing,growth_rank,5,位,,zhejiang_cities,,000_c4e1fff8c860fce4,649,650,
330500,2021,industrial_projects_started_100m,count,448,个,,,,000_c4e1fff8c860fce4,663,666,
330500,2021,industrial_projects_started_300m,count,121,个,,,,000_c4e1fff8c860fce4,675,678,
330500,2021,industrial_projects_completed_100m,count,467,个,,,,000_c4e1fff8c860fce4,691,694,
330500,2021,industrial_projects_completed_300m,count,79,个,,,,000_c4e1fff8c860fce4,703,705,
330500,2021,stalled_projects_resolved,count,334,个,,,,000_c4e1fff8c860fce4,734,737,all stalled projects resolved
330500,2021,inv_stalled_projects_resolved,level,100,亿元,more_than,,,000_c4e1fff8c860fce4,760,763,
330500,2021,industrial_land_supplied,level,1.9,万亩,,,,000_c4e1fff8c860fce4,772,775,
330500,2021,industrial_land_supplied,rank,1,位,,zhejiang_cities,,000_c4e1fff8c860fce4,782,783,
330500,2021,single_champions_national_new,count,2,个,,,,000_c4e1fff8c860fce4,976,977,
330500,2021,little_giants_new,count,17,家,,,,000_c4e1fff8c860fce4,988,990,national little giants added in the year
330500,2021,private_manufacturing_top500,count,10,家,,,,000_c4e1fff8c860fce4,1007,1009,
330500,2021,provincial_key_tech_projects,count,35,个,,,,000_c4e1fff8c860fce4,1036,1038,
330500,2021,provincial_key_tech_projects,rank,2,位,,zhejiang_cities,,000_c4e1fff8c860fce4,1044,1045,
330500,2021,new_product_output_rate,level,47.2,%,,,,000_c4e1fff8c860fce4,1061,1065,
330500,2021,new_product_output_rate,rank,3,位,,zhejiang_cities,,000_c4e1fff8c860fce4,1071,1072,
330500,2021,land_inefficient_revitalised,level,1.4,万亩,,,,000_c4e1fff8c860fce4,1153,1156,
330500,2021,energy_space_freed,level,25.2,万吨标煤,,,,000_c4e1fff8c860fce4,1167,1171,
330500,2021,construction_land_quota_reward,level,300,亩,,,,000_c4e1fff8c860fce4,1189,1192,reward for the rectification assessment
330500,2021,green_factories_star_upgraded,count,300,家,,,,000_c4e1fff8c860fce4,1204,1207,
330500,2021,green_factory_star_coverage,share_pct,9,成,nearly,,,000_c4e1fff8c860fce4,1220,1221,
330500,2021,green_design_demo_enterprises_national_new,count,7,家,,,,000_c4e1fff8c860fce4,1255,1256,
330500,2021,green_industrial_parks_national_new,count,1,个,,,,000_c4e1fff8c860fce4,1266,1267,
330500,2021,green_low_carbon_parks_provincial_new,count,3,个,,,,000_c4e1fff8c860fce4,1277,1278,
330500,2021,green_design_demo_enterprises_national_new,rank,1,位,,zhejiang_cities,,000_c4e1fff8c860fce4,1285,1286,
330500,2021,green_industrial_parks_national_new,rank,1,位,,zhejiang_cities,,000_c4e1fff8c860fce4,1285,1286,
330500,2021,green_low_carbon_parks_provincial_new,rank,1,位,,zhejiang_cities,,000_c4e1fff8c860fce4,1285,1286,
330500,2021,green_factories_national_new,count,4,个,,,,000_c4e1fff8c860fce4,1297,1298,
330500,2021,green_factories_national_new,rank,2,位,,zhejiang_cities,,000_c4e1fff8c860fce4,1304,1305,
330500,2021,low_scattered_enterprises_rectified,count,1012,家,,,,000_c4e1fff8c860fce4,1322,1326,
330500,2021,backward_capacity_enterprises_eliminated,count,105,家,,,,000_c4e1fff8c860fce4,1338,1341,
330500,2021,va_digital_core,level,200,亿元,more_than,,,000_c4e1fff8c860fce4,1477,1480,
330500,2021,va_digital_core,growth_pct,18.1,%,,,,000_c4e1fff8c860fce4,1485,1489,
330500,2021,va_digital_core,growth_rank,3,位,,zhejiang_cities,,000_c4e1fff8c860fce4,1495,1496,rank read as that of the growth rate
330500,2021,digital_economy_development_index,rank,5,位,,zhejiang_cities,,000_c4e1fff8c860fce4,1513,1514,
330500,2021,digital_economy_pilot_projects,count,23,个,,,,000_c4e1fff8c860fce4,1600,1602,
330500,2021,jiebang_guashuai_projects_provincial,count,11,个,,,,000_c4e1fff8c860fce4,1614,1616,
330500,2021,jiebang_guashuai_projects_provincial,rank,3,位,,zhejiang_cities,,000_c4e1fff8c860fce4,1622,1623,
330500,2021,future_factories_provincial_new,count,3,家,,,,000_c4e1fff8c860fce4,1654,1655,
330500,2021,future_factories_provincial_new,rank,2,位,,zhejiang_cities,,000_c4e1fff8c860fce4,1663,1664,
330500,2021,digital_economy_system_assessment,rank,1,位,,zhejiang_cities,,000_c4e1fff8c860fce4,1710,1711,
330500,2021,funds_obtained_for_enterprises,level,6.6,亿元,,,,000_c4e1fff8c860fce4,1832,1835,
330500,2021,burden_reduction,level,216.5,亿元,,,,000_c4e1fff8c860fce4,1856,1861,exceeded the provincial task
330400,2021,va_industry,level,2594.5,亿元,,,,002_0aa44b95e84d5610,212,218,
330400,2021,va_industry,rank,3,位,,zhejiang_cities,,002_0aa44b95e84d5610,227,228,
330400,2021,va_industry,growth_pct,14,%,,,,002_0aa44b95e84d5610,233,237,
330400,2021,va_industry,growth_diff_pp,1.1,pp,,zhejiang,,002_0aa44b95e84d5610,245,248,
330400,2021,va_high_tech_industries,share_pct,67.7,%,,,,002_0aa44b95e84d5610,299,303,share in value added of industry above designated size
330400,2021,va_strategic_emerging,share_pct,41.4,%,,,,002_0aa44b95e84d5610,305,309,share in value added of industry above designated size
330400,2021,va_digital_core_manufacturing,share_pct,19.8,%,,,,002_0aa44b95e84d5610,311,315,share in value added of industry above designated size
330400,2021,va_high_tech_manufacturing,share_pct,18.1,%,,,,002_0aa44b95e84d5610,317,321,share in value added of industry above designated size
330400,2021,va_high_tech_industries,rank,3,位,,zhejiang_cities,,002_0aa44b95e84d5610,329,330,rank of the share in value added of industry above designated size
330400,2021,va_strategic_emerging,rank,2,位,,zhejiang_cities,,002_0aa44b95e84d5610,332,333,rank of the share in value added of industry above designated size
330400,2021,va_digital_core_manufacturing,rank,2,位,,zhejiang_cities,,002_0aa44b95e84d5610,335,336,rank of the share in value added of industry above designated size
330400,2021,va_high_tech_manufacturing,rank,1,位,,zhejiang_cities,,002_0aa44b95e84d5610,338,339,rank of the share in value added of industry above designated size
330400,2021,industrial_chains_landmark,count,12,条,,,,002_0aa44b95e84d5610,521,523,chains in focus
330400,2021,industrial_chain_upgrade_plans,count,2,个,,,,002_0aa44b95e84d5610,656,657,
330400,2021,domestic_projects_100m_introduced,count,284,个,,,,002_0aa44b95e84d5610,775,778,
330400,2021,industrial_land_domestic_investment_filed,level,1073.53,亿元,,,,002_0aa44b95e84d5610,793,800,
330400,2021,domestic_projects_1bn_introduced,count,29,个,,,,002_0aa44b95e84d5610,813,815,
330400,2021,domestic_projects_5bn_introduced,count,5,个,,,,002_0aa44b95e84d5610,825,826,
330400,2021,inv_industry,level,883.4,亿元,,,,002_0aa44b95e84d5610,902,907,
330400,2021,inv_industry,growth_pct,11.1,%,,,,002_0aa44b95e84d5610,914,918,
330400,2021,inv_industry,rank,2,位,,zhejiang_cities,,002_0aa44b95e84d5610,927,928,
330400,2021,future_factory_pilots,count,4,家,,,,002_0aa44b95e84d5610,1049,1050,
330400,2021,intelligent_manufacturing_pilots,count,4,个,,,,002_0aa44b95e84d5610,1062,1063,
330400,2021,cross_scenario_application_pilots_provincial,count,9,个,,,,002_0aa44b95e84d5610,1107,1108,
330400,2021,industrial_internet_platforms_provincial,count,12,家,,,,002_0aa44b95e84d5610,1298,1300,
330400,2021,it_manufacturing_integration_demo_provincial,count,34,家,,,,002_0aa44b95e84d5610,1323,1325,
330400,2021,service_manufacturing_demo_national,count,3,家,,,,002_0aa44b95e84d5610,1337,1338,
330400,2021,service_manufacturing_demo_provincial,count,14,家,,,,002_0aa44b95e84d5610,1349,1351,
330400,2021,industrial_design_centres_provincial,count,11,家,,,,002_0aa44b95e84d5610,1361,1363,
330400,2021,digital_economy_innovation_zones_provincial,count,3,个,,,,002_0aa44b95e84d5610,1399,1400,
330400,2021,output_smart_terminals,level,400,亿元,more_than,,,002_0aa44b95e84d5610,1475,1478,
330400,2021,output_smart_photovoltaics,level,600,亿元,more_than,,,002_0aa44b95e84d5610,1519,1522,
330400,2021,output_integrated_circuits,level,110,亿元,more_than,,,002_0aa44b95e84d5610,1553,1556,
330400,2021,electronics_top100_enterprises,count,2,家,,,,002_0aa44b95e84d5610,1568,1569,
330400,2021,towers_5g,count,8182,个,,,,002_0aa44b95e84d5610,1802,1806,cumulative at end of 2021
330400,2021,base_stations_5g,count,8011,个,,,,002_0aa44b95e84d5610,1816,1820,cumulative at end of 2021
330400,2021,base_stations_5g_density,rank,1,位,,zhejiang_cities,,002_0aa44b95e84d5610,1834,1835,
330400,2021,high_energy_enterprises_rectified,count,247,家,,,,002_0aa44b95e84d5610,2023,2026,
330400,2021,high_emission_enterprises_rectified,count,307,家,,,,002_0aa44b95e84d5610,2033,2036,
330400,2021,low_output_enterprises_rectified,count,472,家,,,,002_0aa44b95e84d5610,2045,2048,
330400,2021,land_inefficient_revitalised,level,2.2,万亩,,,,002_0aa44b95e84d5610,2056,2059,
330400,2021,small_micro_parks_built,count,24,个,,,,002_0aa44b95e84d5610,2069,2071,
330400,2021,intelligent_renovation_projects,count,662,项,,,,002_0aa44b95e84d5610,2166,2169,
330400,2021,inv_intelligent_renovation,level,303.51,亿元,,,,002_0aa44b95e84d5610,2181,2187,
330400,2021,industrial_robots_new,count,2685,台,,,,002_0aa44b95e84d5610,2199,2203,
330400,2021,smart_factories_provincial_new,count,18,家,,,,002_0aa44b95e84d5610,2220,2222,
330400,2021,green_factories_new,count,63,家,,,,002_0aa44b95e84d5610,2326,2328,
330400,2021,water_saving_enterprises_new,count,31,家,,,,002_0aa44b95e84d5610,2335,2337,
330400,2021,cleaner_production_audits,count,127,家,,,,002_0aa44b95e84d5610,2339,2342,
330400,2021,industry_standard_applications_dyeing,count,11,家,,,,002_0aa44b95e84d5610,2393,2395,
330400,2021,industry_standard_reviews_steel,count,2,家,,,,002_0aa44b95e84d5610,2409,2410,
330400,2021,little_giants_new,count,23,家,,,,002_0aa44b95e84d5610,2561,2563,
330400,2021,single_champions_national_new,count,3,家,,,,002_0aa44b95e84d5610,2582,2583,demonstration enterprises (products)
330400,2021,fangshui_yangyu_enterprises_new,count,91,家,,,,002_0aa44b95e84d5610,2616,2618,
330400,2021,fangshui_yangyu_enterprises,count,408,家,,,,002_0aa44b95e84d5610,2624,2627,cumulative
330400,2021,xiaoshenggui_pool,count,462,家,,,,002_0aa44b95e84d5610,2649,2652,
330400,2021,joint_stock_companies_new,count,796,家,,,,002_0aa44b95e84d5610,2688,2691,
330400,2021,joint_stock_companies_new_above_size,count,474,家,,,,002_0aa44b95e84d5610,2703,2706,
330400,2021,talent_national_innovation_reported,count,152,人,,,,002_0aa44b95e84d5610,2756,2759,
330400,2021,talent_national_youth_reported,count,163,人,,,,002_0aa44b95e84d5610,2765,2768,
330400,2021,talent_provincial_long_term,count,165,人,,,,002_0aa44b95e84d5610,2780,2783,
330400,2021,enterprise_tech_centres_provincial_new,count,13,家,,,,002_0aa44b95e84d5610,2911,2913,
330400,2021,first_sets_domestic_new,count,4,项,,,,002_0aa44b95e84d5610,2962,2963,
330400,2021,first_sets_provincial_new,count,19,项,,,,002_0aa44b95e84d5610,2974,2976,
330400,2021,provincial_key_tech_projects,count,37,项,,,,002_0aa44b95e84d5610,2997,2999,
330400,2021,enterprise_visits,count,62,万户次,more_than,,,002_0aa44b95e84d5610,3089,3091,
330400,2021,enterprise_services_matched,count,33.8,万次,,,,002_0aa44b95e84d5610,3102,3106,enterprise-times (jia ci)
330400,2021,donated_artworks,count,25,个,,,,002_0aa44b95e84d5610,3218,3220,pieces (jian) of arts and crafts
330400,2021,donated_artworks_value,level,1300,万元,more_than,,,002_0aa44b95e84d5610,3232,3236,
330400,2021,policy_departments_online,count,38,个,,,,002_0aa44b95e84d5610,3305,3307,cumulative at end of 2021
330400,2021,policy_items_online,count,249,个,,,,002_0aa44b95e84d5610,3315,3318,cumulative at end of 2021
330400,2021,policy_funds_disbursed,level,6,亿元,,,,002_0aa44b95e84d5610,3324,3325,cumulative at end of 2021
330400,2021,enterprise_code_livestreams,count,56,场,,,,002_0aa44b95e84d5610,3350,3352,
330400,2021,enterprise_code_livestream_views,count,30149,人次,,,,002_0aa44b95e84d5610,3358,3363,
330400,2021,enterprise_requests,count,39398,条,,,,002_0aa44b95e84d5610,3437,3442,
330400,2021,enterprise_requests_feedback_rate,level,100,%,,,,002_0aa44b95e84d5610,3446,3449,
330400,2021,burden_reduction,level,273.1,亿元,,,,002_0aa44b95e84d5610,3566,3571,cumulative to date of writing; taken as 2021
330400,2021,burden_reduction,rank,3,位,,zhejiang_cities,,002_0aa44b95e84d5610,3578,3579,
330400,2022,va_industry,target_growth_pct,8,%,at_least,,,002_0aa44b95e84d5610,3777,3778,main expected target
330400,2022,va_digital_core_manufacturing,target_growth_pct,18,%,,,,002_0aa44b95e84d5610,3798,3800,main expected target
330400,2022,inv_industry,target_growth_pct,10,%,,,,002_0aa44b95e84d5610,3808,3810,main expected target
330400,2022,labour_productivity_manufacturing,target_growth_pct,8,%,,,,002_0aa44b95e84d5610,3826,3827,main expected target
330400,2022,va_industry_per_mu,target_growth_pct,10,%,,,,002_0aa44b95e84d5610,3840,3842,main expected target
330400,2022,burden_reduction,target_level,300,亿元,,,,002_0aa44b95e84d5610,3987,3990,
330400,2022,domestic_projects_100m_introduced,target_level,280,项,,,,002_0aa44b95e84d5610,4662,4665,
330400,2022,industrial_land_transferred,target_level,1.3,万亩,,,,002_0aa44b95e84d5610,4673,4676,
330400,2022,industrial_land_domestic_investment_filed,target_level,800,亿元,,,,002_0aa44b95e84d5610,4694,4697,
330400,2022,inv_industry,target_level,970,亿元,at_least,,,002_0aa44b95e84d5610,4872,4875,'or more' applies to all three
330400,2022,inv_manufacturing,target_level,900,亿元,at_least,,,002_0aa44b95e84d5610,4878,4881,'or more' applies to all three
330400,2022,inv_tech_renovation,target_level,540,亿元,at_least,,,002_0aa44b95e84d5610,4884,4887,
330400,2022,intelligent_renovation_benchmark_projects,target_level,10,个,,,,002_0aa44b95e84d5610,4941,4943,
330400,2022,intelligent_renovation_pilots,target_level,100,个,,,,002_0aa44b95e84d5610,4953,4956,
330400,2022,automation_renovation_projects,target_level,1000,个,,,,002_0aa44b95e84d5610,4971,4975,
330400,2022,inefficient_enterprises_rectified,target_level,1340,家,,,,002_0aa44b95e84d5610,5147,5151,
330400,2022,inefficient_enterprises_closed,target_level,670,家,,,,002_0aa44b95e84d5610,5157,5160,
330400,2022,land_inefficient_revitalised,target_level,2,万亩,,,,002_0aa44b95e84d5610,5168,5169,
330400,2022,energy_space_freed,target_level,50,万吨标煤,,,,002_0aa44b95e84d5610,5178,5180,
330400,2022,small_micro_parks_built,target_level,20,个,,,,002_0aa44b95e84d5610,5255,5257,
330400,2022,green_factories_new,target_level,60,家,,,,002_0aa44b95e84d5610,5584,5586,
330400,2022,green_parks_new,target_level,1,家,,,,002_0aa44b95e84d5610,5592,5593,
330400,2022,water_saving_enterprises_new,target_level,20,家,,,,002_0aa44b95e84d5610,5600,5602,
330400,2022,cleaner_production_audits,target_level,100,家,at_least,,,002_0aa44b95e84d5610,5612,5615,
330400,2022,va_digital_core,target_share_pct,10,%,more_than,,,002_0aa44b95e84d5610,6047,6051,share of GDP
330400,2022,revenue_software,target_growth_pct,30,%,more_than,,,002_0aa44b95e84d5610,6079,6081,
330400,2022,major_manufacturing_projects_1bn,target_level,15,项,about,,,002_0aa44b95e84d5610,7436,7438,
330400,2022,hidden_champions_new,target_level,5,家,,,,002_0aa44b95e84d5610,7804,7805,
330400,2022,single_champions_cultivated_new,target_level,5,家,,,,002_0aa44b95e84d5610,7817,7818,
330400,2022,little_giants_new,target_level,15,家,,,,002_0aa44b95e84d5610,7829,7831,
330400,2022,specialised_smes_provincial_new,target_level,200,家,at_least,,,002_0aa44b95e84d5610,7845,7848,
330400,2022,xiaoshenggui_enterprises,target_level,310,家,,,,002_0aa44b95e84d5610,7859,7862,
330400,2022,enterprise_tech_centres_municipal_plus_new,target_level,80,家,,,,002_0aa44b95e84d5610,7980,7982,
330400,2022,first_sets_municipal_plus_new,target_level,80,项,,,,002_0aa44b95e84d5610,8039,8041,
330400,2022,new_products_provincial_filed,target_level,1000,项,at_least,,,002_0aa44b95e84d5610,8086,8090,
330400,2022,new_products_appraised,target_level,400,项,at_least,,,002_0aa44b95e84d5610,8100,8103,
330400,2022,tech_innovation_teams_new,target_level,15,个,,,,002_0aa44b95e84d5610,8233,8235,
330500,2023..2025,tiangong_ding_awards,count,3,次,,,,003_5792007c2965e94e,239,240,won in three consecutive years
330500,2024,advanced_manufacturing_city_index,rank,28,位,,national_top100_advanced_manufacturing_cities,,003_5792007c2965e94e,415,417,latest list cited in 2025
330500,2024,advanced_manufacturing_city_index,rank,5,位,,zhejiang_cities,,003_5792007c2965e94e,428,429,among Zhejiang cities of the top-100 list
330500,2024,va_industry,share_pct,6,%,,zhejiang,,003_5792007c2965e94e,451,452,share of the province
330500,2024,va_industry,rank,7,位,,zhejiang_cities,,003_5792007c2965e94e,458,459,
330500,2024,va_manufacturing,share_pct,40,%,nearly,,,003_5792007c2965e94e,474,476,share of GDP
330500,2024,va_manufacturing,rank,3,位,,zhejiang_cities,,003_5792007c2965e94e,482,483,rank of the share of GDP
330500,2024,inv_manufacturing,share_pct,9.6,%,,zhejiang,,003_5792007c2965e94e,495,498,share of the province
330500,2024,gdp,rank,8,位,,zhejiang_cities,,003_5792007c2965e94e,504,505,
330500,2024,inv_manufacturing,rank,5,位,,zhejiang_cities,,003_5792007c2965e94e,517,518,
330500,2022,revenue_emerging_industry_chains,share_pct,32.2,%,,,,003_5792007c2965e94e,630,634,share in revenue of industry above designated size
330500,2024,revenue_emerging_industry_chains,share_pct,36.9,%,,,,003_5792007c2965e94e,651,655,share in revenue of industry above designated size
330500,2024,industrial_clusters_provincial,count,8,个,,,,003_5792007c2965e94e,676,677,"cumulative; year not stated, taken as 2024"
330500,2024,industrial_clusters_provincial,rank,5,位,,zhejiang_cities,,003_5792007c2965e94e,683,684,
330500,2024,profit_key_traditional_manufacturing,growth_pct,10.4,%,,,,003_5792007c2965e94e,796,800,"year not stated, taken as 2024"
330500,2024,profit_key_traditional_manufacturing,growth_rank,2,位,,zhejiang_cities,,003_5792007c2965e94e,806,807,
330500,2022,new_project_concentration,level,56,%,,,,003_5792007c2965e94e,998,1000,end of year
330500,2024,new_project_concentration,level,77.8,%,,,,003_5792007c2965e94e,1011,1015,end of year
330500,2022..2024,major_manufacturing_projects_1bn,rank,3,位,at_most,zhejiang_cities,,003_5792007c2965e94e,1059,1060,top 3 in each of the last three years
330500,2022..2024,xinshenggui_projects,count,378,个,,,,003_5792007c2965e94e,1069,1072,last three years; most in the province
330500,2024,special_bond_funds_industry,rank,1,位,,zhejiang_cities,,003_5792007c2965e94e,1140,1141,"year not stated, taken as 2024"
330500,2024,endogenous_expansion_projects_new,count,580,个,,,,003_5792007c2965e94e,1153,1156,"year not stated, taken as 2024"
330500,2024,green_supply_chain_enterprises_national,count,40,家,,,,003_5792007c2965e94e,1273,1275,cumulative
330500,2024,green_industrial_parks_national,count,8,个,,,,003_5792007c2965e94e,1283,1284,cumulative
330500,2024,green_design_demo_enterprises_national,count,21,家,,,,003_5792007c2965e94e,1298,1300,cumulative
330500,2024,green_supply_chain_enterprises_national,rank,1,位,,zhejiang_cities,,003_5792007c2965e94e,1322,1323,
330500,2024,green_industrial_parks_national,rank,1,位,,zhejiang_cities,,003_5792007c2965e94e,1322,1323,
330500,2024,green_design_demo_enterprises_national,rank,1,位,,zhejiang_cities,,003_5792007c2965e94e,1322,1323,
330500,2024,green_factories_national,count,76,家,,,,003_5792007c2965e94e,1366,1368,cumulative
330500,2024,green_factories_national,rank,2,位,,zhejiang_cities,,003_5792007c2965e94e,1374,1375,
330500,2024,energy_per_va_industry_decline,level,6.3,%,,,,003_5792007c2965e94e,1429,1432,decline of energy use per unit of industrial value added
330500,2024,energy_per_va_industry_decline,rank,2,位,,zhejiang_cities,,003_5792007c2965e94e,1438,1439,
330500,2024,future_factories_provincial,count,10,家,,,,003_5792007c2965e94e,1463,1465,cumulative; restated in doc 004 for end-2024
330500,2024,smart_factories_provincial,count,103,家,,,,003_5792007c2965e94e,1467,1470,cumulative
330500,2024,future_factories_provincial,rank,3,位,,zhejiang_cities,,003_5792007c2965e94e,1478,1479,
330500,2024,smart_factories_provincial,rank,5,位,,zhejiang_cities,,003_5792007c2965e94e,1481,1482,
330500,2024,full_connection_factories_5g,count,5,家,,,,003_5792007c2965e94e,1484,1485,
330500,2024,full_connection_factories_5g,rank,2,位,,zhejiang_cities,,003_5792007c2965e94e,1505,1506,
330500,2024,jinxiang_jinniu_enterprises,count,31,家,,,,003_5792007c2965e94e,1597,1599,
330500,2024,enterprises_output_1bn_plus,count,102,家,,,,003_5792007c2965e94e,1623,1626,
330500,2024,listed_companies,count,62,家,,,,003_5792007c2965e94e,1632,1634,
330500,2024,little_giants,count,129,家,,,,003_5792007c2965e94e,1645,1648,
330500,2024,jinxiang_jinniu_enterprises,change,5,家,,,2021,003_5792007c2965e94e,1658,1659,vs three years earlier (2021)
330500,2024,enterprises_output_1bn_plus,change,17,家,,,2021,003_5792007c2965e94e,1661,1663,vs three years earlier (2021)
330500,2024,listed_companies,change,14,家,,,2021,003_5792007c2965e94e,1665,1667,vs three years earlier (2021)
330500,2024,little_giants,change,85,家,,,2021,003_5792007c2965e94e,1669,1671,vs three years earlier (2021)
330500,2024,new_products_provincial_filed,count,1076,项,,,,003_5792007c2965e94e,1778,1782,new provincial new-product projects in 2024
330500,2024,new_products_provincial_filed,rank,3,位,,zhejiang_cities,,003_5792007c2965e94e,1799,1800,
330500,2022..2024,talent_national_selected,rank,3,位,at_most,zhejiang_cities,,003_5792007c2965e94e,1867,1868,top 3 over the last three years
330500,2005,gdp,level,642.9,亿元,,,,004_abf8c206d4fe9e88,87,92,
330500,2024,gdp,level,4213.4,亿元,,,,004_abf8c206d4fe9e88,103,109,
330500,2024,gdp,growth_pct,5.6,倍,,,2005,004_abf8c206d4fe9e88,114,117,nominal growth since 2005
330500,2025,green_factory_star_coverage,share_pct,90.4,%,,,,004_abf8c206d4fe9e88,1221,1225,'currently' at time of writing
330500,2025-H1,inv_tech_renovation,growth_pct,40.2,%,,,,004_abf8c206d4fe9e88,1263,1267,
330500,2025-H1,inv_tech_renovation,growth_diff_pp,29.5,pp,,zhejiang,,004_abf8c206d4fe9e88,1275,1279,
330500,2025-H1,inv_tech_renovation,growth_rank,2,位,,zhejiang_cities,,004_abf8c206d4fe9e88,1288,1289,
330500,2001..2005,output_six_traditional_industries,share_pct,80,%,at_least,,,004_abf8c206d4fe9e88,1373,1375,early 2000s; period approximate
330500,2024,va_strategic_emerging,share_pct,34.6,%,,,,004_abf8c206d4fe9e88,1556,1560,share in value added of industry above designated size
330500,2024,va_high_tech_industries,share_pct,69.3,%,,,,004_abf8c206d4fe9e88,1562,1566,share in value added of industry above designated size
330500,2024,va_equipment_manufacturing,share_pct,40.7,%,,,,004_abf8c206d4fe9e88,1568,1572,share in value added of industry above designated size
330500,2005,enterprises_above_size,count,1895,家,,,,004_abf8c206d4fe9e88,1777,1781,start year not stated; taken as 2005
330500,2025,enterprises_above_size,count,4254,家,,,,004_abf8c206d4fe9e88,1785,1789,'currently' at time of writing
330500,2025,listed_companies,count,64,家,,,,004_abf8c206d4fe9e88,1793,1795,'currently' at time of writing
330500,2025,enterprises_output_10bn_plus,count,6,家,,,,004_abf8c206d4fe9e88,1801,1802,
330500,2025,private_enterprises_top500,count,7,家,,,,004_abf8c206d4fe9e88,1811,1812,
330500,2025,private_manufacturing_top500,count,8,家,,,,004_abf8c206d4fe9e88,1824,1825,
330500,2005,high_tech_enterprises,count,30,家,,,,004_abf8c206d4fe9e88,2238,2240,
330500,2024,high_tech_enterprises,count,2048,家,,,,004_abf8c206d4fe9e88,2250,2254,
330500,2024,rd_intensity_industry,level,1.67,%,,,,004_abf8c206d4fe9e88,2282,2286,'currently'; taken as 2024
330500,2024,rd_expenditure_enterprises,share_pct,90,%,at_least,,,004_abf8c206d4fe9e88,2293,2295,share of total R&D expenditure
330500,2024,patents_enterprises,share_pct,90,%,at_least,,,004_abf8c206d4fe9e88,2312,2314,share of all patents
330500,2024,high_level_talent_to_enterprises,share_pct,90,%,at_least,,,004_abf8c206d4fe9e88,2325,2327,share of newly introduced high-level talents and teams
)regind";
}  // namespace regind::detail::data
