// SPDX-License-Identifier: MIT
// Zhejiang's administrative divisions (GB/T 2260 codes, Ministry of Civil Affairs list as of 2023).
#pragma once
#include <string_view>
namespace regind::detail::data {
inline constexpr std::string_view zhejiang_regions_csv = R"regind(
code,name_zh,short_name,name_en,level,parent_code
330000,浙江省,浙江,Zhejiang,province,
330100,杭州市,杭州,Hangzhou,city,330000
330102,上城区,上城,Shangcheng District,county,330100
330105,拱墅区,拱墅,Gongshu District,county,330100
330106,西湖区,西湖,Xihu District,county,330100
330108,滨江区,滨江,Binjiang District,county,330100
330109,萧山区,萧山,Xiaoshan District,county,330100
330110,余杭区,余杭,Yuhang District,county,330100
330111,富阳区,富阳,Fuyang District,county,330100
330112,临安区,临安,Lin'an District,county,330100
330113,临平区,临平,Linping District,county,330100
330114,钱塘区,钱塘,Qiantang District,county,330100
330122,桐庐县,桐庐,Tonglu County,county,330100
330127,淳安县,淳安,Chun'an County,county,330100
330182,建德市,建德,Jiande,county,330100
330200,宁波市,宁波,Ningbo,city,330000
330203,海曙区,海曙,Haishu District,county,330200
330205,江北区,江北,Jiangbei District,county,330200
330206,北仑区,北仑,Beilun District,county,330200
330211,镇海区,镇海,Zhenhai District,county,330200
330212,鄞州区,鄞州,Yinzhou District,county,330200
330213,奉化区,奉化,Fenghua District,county,330200
330225,象山县,象山,Xiangshan County,county,330200
330226,宁海县,宁海,Ninghai County,county,330200
330281,余姚市,余姚,Yuyao,county,330200
330282,慈溪市,慈溪,Cixi,county,330200
330300,温州市,温州,Wenzhou,city,330000
330302,鹿城区,鹿城,Lucheng District,county,330300
330303,龙湾区,龙湾,Longwan District,county,330300
330304,瓯海区,瓯海,Ouhai District,county,330300
330305,洞头区,洞头,Dongtou District,county,330300
330324,永嘉县,永嘉,Yongjia County,county,330300
330326,平阳县,平阳,Pingyang County,county,330300
330327,苍南县,苍南,Cangnan County,county,330300
330328,文成县,文成,Wencheng County,county,330300
330329,泰顺县,泰顺,Taishun County,county,330300
330381,瑞安市,瑞安,Rui'an,county,330300
330382,乐清市,乐清,Yueqing,county,330300
330383,龙港市,龙港,Longgang,county,330300
330400,嘉兴市,嘉兴,Jiaxing,city,330000
330402,南湖区,南湖,Nanhu District,county,330400
330411,秀洲区,秀洲,Xiuzhou District,county,330400
330421,嘉善县,嘉善,Jiashan County,county,330400
330424,海盐县,海盐,Haiyan County,county,330400
330481,海宁市,海宁,Haining,county,330400
330482,平湖市,平湖,Pinghu,county,330400
330483,桐乡市,桐乡,Tongxiang,county,330400
330500,湖州市,湖州,Huzhou,city,330000
330502,吴兴区,吴兴,Wuxing District,county,330500
330503,南浔区,南浔,Nanxun District,county,330500
330521,德清县,德清,Deqing County,county,330500
330522,长兴县,长兴,Changxing County,county,330500
330523,安吉县,安吉,Anji County,county,330500
330600,绍兴市,绍兴,Shaoxing,city,330000
330602,越城区,越城,Yuecheng District,county,330600
330603,柯桥区,柯桥,Keqiao District,county,330600
330604,上虞区,上虞,Shangyu District,county,330600
330624,新昌县,新昌,Xinchang County,county,330600
330681,诸暨市,诸暨,Zhuji,county,330600
330683,嵊州市,嵊州,Shengzhou,county,330600
330700,金华市,金华,Jinhua,city,330000
330702,婺城区,婺城,Wucheng District,county,330700
330703,金东区,金东,Jindong District,county,330700
330723,武义县,武义,Wuyi County,county,330700
330726,浦江县,浦江,Pujiang County,county,330700
330727,磐安县,磐安,Pan'an County,county,330700
330781,兰溪市,兰溪,Lanxi,county,330700
330782,义乌市,义乌,Yiwu,county,330700
330783,东阳市,东阳,Dongyang,county,330700
330784,永康市,永康,Yongkang,county,330700
330800,衢州市,衢州,Quzhou,city,330000
330802,柯城区,柯城,Kecheng District,county,330800
330803,衢江区,衢江,Qujiang District,county,330800
330822,常山县,常山,Changshan County,county,330800
330824,开化县,开化,Kaihua County,county,330800
330825,龙游县,龙游,Longyou County,county,330800
330881,江山市,江山,Jiangshan,county,330800
330900,舟山市,舟山,Zhoushan,city,330000
330902,定海区,定海,Dinghai District,county,330900
330903,普陀区,普陀,Putuo District,county,330900
330921,岱山县,岱山,Daishan County,county,330900
330922,嵊泗县,嵊泗,Shengsi County,county,330900
331000,台州市,台州,Taizhou,city,330000
331002,椒江区,椒江,Jiaojiang District,county,331000
331003,黄岩区,黄岩,Huangyan District,county,331000
331004,路桥区,路桥,Luqiao District,county,331000
331022,三门县,三门,Sanmen County,county,331000
331023,天台县,天台,Tiantai County,county,331000
331024,仙居县,仙居,Xianju County,county,331000
331081,温岭市,温岭,Wenling,county,331000
331082,临海市,临海,Linhai,county,331000
331083,玉环市,玉环,Yuhuan,county,331000
331100,丽水市,丽水,Lishui,city,330000
331102,莲都区,莲都,Liandu District,county,331100
331121,青田县,青田,Qingtian County,county,331100
331122,缙云县,缙云,Jinyun County,county,331100
331123,遂昌县,遂昌,Suichang County,county,331100
331124,松阳县,松阳,Songyang County,county,331100
331125,云和县,云和,Yunhe County,county,331100
331126,庆元县,庆元,Qingyuan County,county,331100
331127,景宁畲族自治县,景宁,Jingning She Autonomous County,county,331100
331181,龙泉市,龙泉,Longquan,county,331100
)regind";
}  // namespace regind::detail::data
