// SPDX-License-Identifier: MIT
// Seed facts of Huzhou's 2016 industry and IT work summary (source document 001_0e7ef2388a968c5b).
#pragma once
#include <string_view>
namespace regind::detail::data {
inline constexpr std::string_view seed_facts_b_csv = R"regind(
region_code,period,indicator,measure,value,unit,qualifier,comparator,base_period,doc,span_start,span_end,note
330500,2016,va_industry,level,828.3,亿元,,,,001_0e7ef2388a968c5b,234,239,
330500,2016,va_industry,growth_pct,6.2,%,,,,001_0e7ef2388a968c5b,246,249,
330500,2016,export_delivery_value,level,683.7,亿元,,,,001_0e7ef2388a968c5b,264,269,
330500,2016,export_delivery_value,growth_pct,9.3,%,,,,001_0e7ef2388a968c5b,276,279,
330500,2016,electricity_industry,level,165.7,亿千瓦时,,,,001_0e7ef2388a968c5b,289,294,
330500,2016,electricity_industry,growth_pct,9.6,%,,,,001_0e7ef2388a968c5b,303,306,
330500,2016,electricity_industry,growth_rank,2,位,,zhejiang_cities,,001_0e7ef2388a968c5b,312,313,
330500,2016,electricity_industry,growth_diff_pp,2.99,pp,,zhejiang,,001_0e7ef2388a968c5b,321,325,
330500,2016,profit_tax_industry,level,427.9,亿元,,,,001_0e7ef2388a968c5b,346,351,
330500,2016,profit_tax_industry,growth_pct,7.1,%,,,,001_0e7ef2388a968c5b,356,359,
330500,2016,profit_industry,level,282.8,亿元,,,,001_0e7ef2388a968c5b,365,370,
330500,2016,profit_industry,growth_pct,10.6,%,,,,001_0e7ef2388a968c5b,375,379,
330500,2016,va_strategic_emerging,level,179.9,亿元,,,,001_0e7ef2388a968c5b,457,462,
330500,2016,va_high_tech_industries,level,347.4,亿元,,,,001_0e7ef2388a968c5b,465,470,
330500,2016,va_equipment_manufacturing,level,206.4,亿元,,,,001_0e7ef2388a968c5b,473,478,
330500,2016,va_strategic_emerging,growth_pct,7.2,%,,,,001_0e7ef2388a968c5b,487,490,
330500,2016,va_high_tech_industries,growth_pct,5.6,%,,,,001_0e7ef2388a968c5b,492,495,
330500,2016,va_equipment_manufacturing,growth_pct,5.8,%,,,,001_0e7ef2388a968c5b,497,500,
330500,2016,va_strategic_emerging,share_pct,21.7,%,,,,001_0e7ef2388a968c5b,513,517,share of industry value added
330500,2016,va_high_tech_industries,share_pct,41.9,%,,,,001_0e7ef2388a968c5b,519,523,share of industry value added
330500,2016,va_equipment_manufacturing,share_pct,24.9,%,,,,001_0e7ef2388a968c5b,525,529,share of industry value added
330500,2016,va_high_end_equipment,level,138.3,亿元,,,,001_0e7ef2388a968c5b,548,553,
330500,2016,va_high_end_equipment,growth_pct,5.7,%,,,,001_0e7ef2388a968c5b,558,561,
330500,2016,va_information_manufacturing,level,76.6,亿元,,,,001_0e7ef2388a968c5b,579,583,
330500,2016,va_information_manufacturing,growth_pct,6.3,%,,,,001_0e7ef2388a968c5b,590,593,
330500,2016,inv_information_economy,level,121.8,亿元,,,,001_0e7ef2388a968c5b,607,612,
330500,2016,provincial_key_electronic_info_enterprises,count,9,家,,,,001_0e7ef2388a968c5b,615,616,listed as provincial key electronic information enterprises 2016
330500,2016,va_textiles_building_materials,share_change_pp,-1.1,pp,,,,001_0e7ef2388a968c5b,653,656,share of textiles and building materials in industry above designated size; decrease
330500,2016,inv_industry,level,678.03,亿元,,,,001_0e7ef2388a968c5b,689,695,
330500,2016,inv_industry,completion_pct,103.4,%,,annual_plan,,001_0e7ef2388a968c5b,707,712,
330500,2016,inv_industry,rank,8,位,,zhejiang_cities,,001_0e7ef2388a968c5b,720,721,
330500,2016,inv_industry,growth_pct,10.7,%,,,,001_0e7ef2388a968c5b,725,729,
330500,2016,inv_industry,growth_diff_pp,6.7,pp,,zhejiang,,001_0e7ef2388a968c5b,737,740,
330500,2016,inv_industry,growth_rank,2,位,,zhejiang_cities,,001_0e7ef2388a968c5b,751,752,
330500,2016,inv_industry,growth_rank_change,6,位,,zhejiang_cities,2015,001_0e7ef2388a968c5b,764,765,
330500,2016,inv_tech_renovation,level,543.3,亿元,,,,001_0e7ef2388a968c5b,785,791,written 543.30
330500,2016,inv_tech_renovation,growth_pct,22.5,%,,,,001_0e7ef2388a968c5b,796,800,
330500,2016,inv_tech_renovation,target_growth_pct,13,%,,provincial_target,,001_0e7ef2388a968c5b,814,816,target set by the province at the start of the year
330500,2016,inv_tech_renovation_over_target,level,9.3,%,,annual_plan,,001_0e7ef2388a968c5b,829,832,amount by which the annual target was exceeded (completion about 109.3%)
330500,2016,inv_tech_renovation,growth_rank,1,位,,zhejiang_cities,,001_0e7ef2388a968c5b,840,841,
330500,2016,inv_tech_renovation,growth_rank_change,3,位,,zhejiang_cities,2015,001_0e7ef2388a968c5b,853,854,
330500,2016,inv_equipment_manufacturing,level,264.73,亿元,,,,001_0e7ef2388a968c5b,869,875,
330500,2016,inv_equipment_manufacturing,growth_pct,14.3,%,,,,001_0e7ef2388a968c5b,880,884,
330500,2016,inv_equipment_manufacturing,growth_diff_pp,3.6,pp,,city_industrial_investment,,001_0e7ef2388a968c5b,896,899,
330500,2016,output_new_products,level,1669.8,亿元,,,,001_0e7ef2388a968c5b,935,941,
330500,2016,output_new_products,growth_pct,13.3,%,,,,001_0e7ef2388a968c5b,946,950,
330500,2016,new_product_output_rate,level,36.2,%,,,,001_0e7ef2388a968c5b,955,959,
330500,2016,new_product_contribution_rate,level,115.6,%,,,,001_0e7ef2388a968c5b,964,969,contribution of new products to output growth
330500,2016,output_new_products,rank,6,位,,zhejiang_cities,,001_0e7ef2388a968c5b,976,977,
330500,2016,output_new_products,growth_rank,7,位,,zhejiang_cities,,001_0e7ef2388a968c5b,984,985,
330500,2016,new_products_provincial_filed,count,1369,项,,,,001_0e7ef2388a968c5b,997,1001,
330500,2016,new_products_appraised,count,329,项,,,,001_0e7ef2388a968c5b,1013,1016,
330500,2016,new_products_provincial_filed,rank,1,位,,zhejiang_cities,,001_0e7ef2388a968c5b,1025,1026,
330500,2016,provincial_excellent_new_products,count,17,项,,,,001_0e7ef2388a968c5b,1034,1036,
330500,2016,first_sets_provincial_new,count,6,项,,,,001_0e7ef2388a968c5b,1045,1046,
330500,2016,zhejiang_made_fine_products,count,19,项,,,,001_0e7ef2388a968c5b,1054,1056,
330500,2016,enterprise_tech_centres_national_new,count,1,家,,,,001_0e7ef2388a968c5b,1069,1070,
330500,2016,enterprise_tech_centres_provincial_new,count,9,家,,,,001_0e7ef2388a968c5b,1086,1087,
330500,2016,enterprise_tech_centres_municipal_new,count,38,家,,,,001_0e7ef2388a968c5b,1089,1091,
330500,2016,talent_leading_innovative_introduced,count,65,人,,,,001_0e7ef2388a968c5b,1101,1103,counted in persons (wei)
330500,2016,talent_national_selected,count,2,人,,,,001_0e7ef2388a968c5b,1113,1114,of which; counted in persons (wei)
330500,2016,talent_provincial_selected,count,1,人,,,,001_0e7ef2388a968c5b,1123,1124,of which; counted in persons (wei)
330500,2016,provincial_ii_demo_areas,count,5,个,,,,001_0e7ef2388a968c5b,1148,1149,counties/districts created as provincial IT-industry deep integration demonstration areas
330500,2016,new_municipal_ii_key_projects,count,60,个,,,,001_0e7ef2388a968c5b,1207,1209,
330500,2016,new_miit_ii_management_pilot_enterprises,count,3,家,,,,001_0e7ef2388a968c5b,1223,1224,
330500,2016,new_cio_trained,count,58,人,,,,001_0e7ef2388a968c5b,1261,1263,counted in persons (wei)
330500,2015,information_development_index,index,0.898,1,,,,001_0e7ef2388a968c5b,1281,1286,
330500,2015,information_development_index,rank,5,位,,zhejiang_cities,,001_0e7ef2388a968c5b,1292,1293,
330500,2015,industrialisation_informatisation_index,index,71.73,1,,,,001_0e7ef2388a968c5b,1305,1310,
330500,2015,industrialisation_informatisation_index,rank,4,位,,zhejiang_cities,,001_0e7ef2388a968c5b,1316,1317,
330500,2016,backward_capacity_enterprises_eliminated,count,133,家,,,,001_0e7ef2388a968c5b,1342,1345,
330500,2016,energy_space_freed,level,15.4,万吨标煤,,,,001_0e7ef2388a968c5b,1356,1360,
330500,2016,energy_space_freed,completion_pct,154,%,,annual_plan,,001_0e7ef2388a968c5b,1377,1380,15.4 vs planned 10 (10k tce)
330500,2016,low_scattered_enterprises_rectified,count,2618,家,,,,001_0e7ef2388a968c5b,1402,1406,enterprises and workshops in low-end scattered clusters rectified or closed
330500,2016,low_scattered_enterprises_rectified,completion_pct,261.8,%,,annual_plan,,001_0e7ef2388a968c5b,1415,1420,
330500,2016,pv_installed_capacity,level,350,MW,,,,001_0e7ef2388a968c5b,1434,1437,
330500,2014..2016,pv_installed_capacity,target_level,300,MW,,,,001_0e7ef2388a968c5b,1446,1449,three-year PV task completed ahead of schedule; plan years assumed
330522,2015,industrial_strong_county_evaluation,rank,19,位,,zhejiang_industrial_strong_counties,,001_0e7ef2388a968c5b,1733,1735,
330521,2015,industrial_strong_county_evaluation,rank,27,位,,zhejiang_industrial_strong_counties,,001_0e7ef2388a968c5b,1738,1740,
330502,2015,industrial_strong_county_evaluation,rank,44,位,,zhejiang_industrial_strong_counties,,001_0e7ef2388a968c5b,1743,1745,
330503,2015,industrial_strong_county_evaluation,rank,46,位,,zhejiang_industrial_strong_counties,,001_0e7ef2388a968c5b,1748,1750,
330523,2015,industrial_strong_county_evaluation,rank,52,位,,zhejiang_industrial_strong_counties,,001_0e7ef2388a968c5b,1753,1755,
330522,2015,industrial_strong_county_evaluation,rank_change,1,位,,zhejiang_industrial_strong_counties,2014,001_0e7ef2388a968c5b,1791,1792,
330521,2015,industrial_strong_county_evaluation,rank_change,5,位,,zhejiang_industrial_strong_counties,2014,001_0e7ef2388a968c5b,1794,1795,
330502,2015,industrial_strong_county_evaluation,rank_change,2,位,,zhejiang_industrial_strong_counties,2014,001_0e7ef2388a968c5b,1797,1798,
330523,2015,industrial_strong_county_evaluation,rank_change,7,位,,zhejiang_industrial_strong_counties,2014,001_0e7ef2388a968c5b,1800,1801,
330500,2016,enterprises_g20_production_restricted,count,792,家,,,,001_0e7ef2388a968c5b,2605,2608,enterprises with output restrictions during the G20 summit
330500,2016,enterprises_q4_output_increase,count,91,家,,,,001_0e7ef2388a968c5b,2775,2777,enterprises identified as able to raise Q4 output
330500,2016,stable_growth_working_groups,count,6,个,,,,001_0e7ef2388a968c5b,2794,2795,
330500,2016,transformation_key_indicators,count,35,项,,,,001_0e7ef2388a968c5b,3049,3051,main indicators of the transformation campaign allocated to counties
330500,2016,transformation_departments,count,28,个,,,,001_0e7ef2388a968c5b,3070,3072,
330500,2016,transformation_inspections,count,3,次,,,,001_0e7ef2388a968c5b,3180,3181,special supervision inspections of the transformation campaign
330500,2016,transformation_briefings_issued,count,116,期,,,,001_0e7ef2388a968c5b,3285,3288,
330500,2016,charging_piles,count,623,个,,,,001_0e7ef2388a968c5b,3623,3626,cumulative as of the report
330500,2016,abaa_cooperation_projects_signed,count,7,个,,,,001_0e7ef2388a968c5b,3686,3687,signed at the ABAA lithium battery conference
330500,2016,key_subsectors_transformation,count,6,个,,,,001_0e7ef2388a968c5b,3763,3764,
330500,2016,provincial_new_industrialisation_demo_bases_applied,count,4,个,,,,001_0e7ef2388a968c5b,3842,3843,
330500,2016,key_industrial_platforms_monitored,count,11,个,,,,001_0e7ef2388a968c5b,3964,3966,
330500,2016,inv_industry,target_growth_pct,7,%,,,,001_0e7ef2388a968c5b,4096,4097,
330500,2016,inv_tech_renovation,target_growth_pct,12,%,,,,001_0e7ef2388a968c5b,4107,4109,restated later in the robot-substitution plan
330500,2016,three_hundred_emerging_projects,target_level,100,项,,,,001_0e7ef2388a968c5b,4136,4139,emerging industry projects of over 100 million yuan
330500,2016,three_hundred_robot_projects,target_level,100,项,,,,001_0e7ef2388a968c5b,4151,4154,technical renovation projects of over 30 million yuan (robot substitution)
330500,2016,three_hundred_smart_projects,target_level,100,项,,,,001_0e7ef2388a968c5b,4171,4174,smart manufacturing and IT integration projects
330500,2016,inv_three_hundred_plan,target_level,300,亿元,,,,001_0e7ef2388a968c5b,4195,4198,
330500,2016,three_hundred_plan_start_rate,target_level,70,%,at_least,,,001_0e7ef2388a968c5b,4216,4218,
330500,2016,three_hundred_plan_completion_rate,target_level,35,%,at_least,,,001_0e7ef2388a968c5b,4227,4229,
330500,2016,inv_three_hundred_plan,level,247.8,亿元,,,,001_0e7ef2388a968c5b,4255,4260,
330500,2016,inv_three_hundred_plan,completion_pct,82.6,%,,annual_plan,,001_0e7ef2388a968c5b,4275,4279,
330500,2016,three_hundred_emerging_under_construction,count,90,项,,,,001_0e7ef2388a968c5b,4296,4298,
330500,2016,inv_three_hundred_emerging,level,125.2,亿元,,,,001_0e7ef2388a968c5b,4304,4309,
330500,2016,three_hundred_emerging_started,count,39,项,,,,001_0e7ef2388a968c5b,4315,4317,
330500,2016,three_hundred_emerging_completed,count,32,项,,,,001_0e7ef2388a968c5b,4321,4323,
330500,2016,three_hundred_robot_under_construction,count,95,项,,,,001_0e7ef2388a968c5b,4339,4341,
330500,2016,inv_three_hundred_robot,level,100.5,亿元,,,,001_0e7ef2388a968c5b,4347,4352,
330500,2016,three_hundred_robot_started,count,42,项,,,,001_0e7ef2388a968c5b,4358,4360,
330500,2016,three_hundred_robot_completed,count,49,项,,,,001_0e7ef2388a968c5b,4364,4366,
330500,2016,three_hundred_smart_under_construction,count,93,项,,,,001_0e7ef2388a968c5b,4382,4384,
330500,2016,three_hundred_smart_completed,count,76,项,,,,001_0e7ef2388a968c5b,4388,4390,
330500,2016,inv_three_hundred_smart,level,22.1,亿元,,,,001_0e7ef2388a968c5b,4398,4402,cumulative
330500,2016,inv_tech_renovation,target_share_pct,65,%,,,,001_0e7ef2388a968c5b,4538,4540,share of technical renovation in industrial investment
330500,2016,provincial_tech_renovation_key_projects,count,38,个,,,,001_0e7ef2388a968c5b,4584,4586,projects listed in the provincial technical renovation key project plan
330500,2016,industrial_robots_new,target_level,1000,台,at_least,,,001_0e7ef2388a968c5b,4714,4718,
330500,2016,robot_application_projects,count,96,个,,,,001_0e7ef2388a968c5b,4734,4736,
330500,2016,industrial_robots_new,count,1198,台,,,,001_0e7ef2388a968c5b,4762,4766,
330500,2016,industrial_robots_new,completion_pct,120,%,,annual_plan,,001_0e7ef2388a968c5b,4775,4778,
330500,2016,new_big_good_high_projects,count,80,项,,,,001_0e7ef2388a968c5b,4959,4961,large high-quality industrial projects newly introduced
330500,2016,inv_big_good_high_projects,level,203.48,亿元,,,,001_0e7ef2388a968c5b,4970,4976,cumulative investment of newly introduced large high-quality projects
330500,2016,big_good_high_projects_started,count,84,项,,,,001_0e7ef2388a968c5b,4984,4986,
330500,2016,big_good_high_new_projects_started,count,58,项,,,,001_0e7ef2388a968c5b,4998,5000,of which newly introduced projects
330500,2016,big_good_high_projects_completed,count,54,项,,,,001_0e7ef2388a968c5b,5008,5010,
330500,2016,smart_manufacturing_pilot_projects,count,91,个,,,,001_0e7ef2388a968c5b,5178,5180,key enterprise smart manufacturing pilot projects
330500,2016,provincial_smart_manufacturing_demo_projects,count,8,个,,,,001_0e7ef2388a968c5b,5207,5208,
330500,2016,single_champion_applicants,count,8,家,,,,001_0e7ef2388a968c5b,5256,5257,applicants for MIIT manufacturing single champion
330500,2016,tech_innovation_demo_enterprises_provincial_new,count,2,家,estimated,,,001_0e7ef2388a968c5b,5461,5462,
330500,2016,three_famous_pilot_enterprises_provincial_new,count,3,家,,,,001_0e7ef2388a968c5b,5806,5807,third batch of provincial pilot enterprises
330500,2015,jinxiang_enterprises,count,6,家,,,,001_0e7ef2388a968c5b,5842,5843,recognised in 2016 for 2015
330500,2015,jinniu_enterprises,count,2,家,,,,001_0e7ef2388a968c5b,5851,5852,recognised in 2016 for 2015
330500,2015,jinxiang_jinniu_cultivated_enterprises,count,30,家,,,,001_0e7ef2388a968c5b,5858,5860,recognised in 2016 for 2015
330500,2016,xiaoshenggui_pool,count,221,家,,,,001_0e7ef2388a968c5b,5912,5915,
330500,2016,small_micro_monitoring_assessment,rank,3,位,,zhejiang_cities,,001_0e7ef2388a968c5b,6011,6012,provincial assessment of small and micro enterprise monitoring
330500,2016,hidden_champions_pool,count,81,家,,,,001_0e7ef2388a968c5b,6038,6040,
330500,2016,ma_training_participants,count,54,名,,,,001_0e7ef2388a968c5b,6196,6198,executives at the M&A training
330500,2016,ii_pilot_enterprises,count,250,家,,,,001_0e7ef2388a968c5b,6360,6363,
330500,2016,miit_ii_management_pilot_enterprises,count,11,家,,,,001_0e7ef2388a968c5b,6463,6465,
330500,2016,ii_service_participating_enterprises,count,100,家,more_than,,,001_0e7ef2388a968c5b,6583,6584,
330500,2016,telecom_tower_base_stations_built,count,1372,个,,,,001_0e7ef2388a968c5b,6712,6716,new and rebuilt
330500,2016,telecom_tower_base_stations_built,completion_pct,120.99,%,,annual_plan,,001_0e7ef2388a968c5b,6725,6731,
330500,2016,free_wifi_sites,count,2500,个,,,,001_0e7ef2388a968c5b,6905,6909,cumulative
330500,2016,free_wifi_access_points,count,7561,个,,,,001_0e7ef2388a968c5b,6926,6930,cumulative
330500,2016,free_wifi_access_points,completion_pct,94.5,%,,annual_plan,,001_0e7ef2388a968c5b,6942,6946,
330500,2016,energy_inspection_units,count,26,家,,,,001_0e7ef2388a968c5b,7052,7054,
330500,2016,backward_capacity_enterprises_eliminated,target_level,200,家,,,,001_0e7ef2388a968c5b,7213,7216,
330500,2016,energy_space_freed,target_level,10,万吨标煤,,,,001_0e7ef2388a968c5b,7231,7233,
330500,2016,low_scattered_enterprises_rectified,target_level,1000,家,,,,001_0e7ef2388a968c5b,7283,7287,
330500,2016,energy_saving_renovation_projects,count,119,项,,,,001_0e7ef2388a968c5b,7378,7381,
330500,2016,clay_brick_kilns_closed,count,13,座,,,,001_0e7ef2388a968c5b,7470,7472,
330500,2016,cement_output,level,1272,万吨,,,,001_0e7ef2388a968c5b,7517,7521,
330500,2016,cement_output,growth_pct,1.37,%,,,,001_0e7ef2388a968c5b,7526,7530,
330500,2016,bulk_cement_supply,level,1118,万吨,,,,001_0e7ef2388a968c5b,7540,7544,
330500,2016,bulk_cement_rate,level,87.9,%,,,,001_0e7ef2388a968c5b,7552,7557,written 87.90
330500,2016,ready_mixed_concrete_supply,level,881,万立方米,,,,001_0e7ef2388a968c5b,7579,7582,
330500,2016,ready_mixed_concrete_supply,growth_pct,14.61,%,,,,001_0e7ef2388a968c5b,7589,7594,
330500,2016,ready_mixed_mortar_use,level,67.6,万吨,,,,001_0e7ef2388a968c5b,7603,7607,
330500,2016,ready_mixed_mortar_use,growth_pct,10.5,%,,,,001_0e7ef2388a968c5b,7614,7618,
330500,2016,policy_compilations_printed,count,1,万册,,,,001_0e7ef2388a968c5b,7873,7874,
330500,2016,burden_reduction,level,130,亿元,estimated,,,001_0e7ef2388a968c5b,7911,7914,
330500,2016,zombie_enterprises_registered,count,107,家,,,,001_0e7ef2388a968c5b,7937,7940,
330500,2016,zombie_enterprises_disposed,count,14,家,,,,001_0e7ef2388a968c5b,8011,8013,
330500,2016,zombie_enterprises_disposed,completion_pct,140,%,,provincial_target,,001_0e7ef2388a968c5b,8031,8034,
330500,2016,admin_approvals_cancelled,count,2,项,,,,001_0e7ef2388a968c5b,8162,8163,
330500,2016,admin_approvals_delegated,count,3,项,,,,001_0e7ef2388a968c5b,8217,8218,
330500,2016,zero_land_renovation_projects,count,528,个,,,,001_0e7ef2388a968c5b,8321,8324,technical renovation projects filed without new land
330500,2016,inv_zero_land_renovation_projects_planned,level,169.1,亿元,,,,001_0e7ef2388a968c5b,8331,8336,
330500,2016,key_tasks_completed,count,10,个,more_than,,,001_0e7ef2388a968c5b,8871,8873,major tasks completed by party member teams
)regind";
}  // namespace regind::detail::data
