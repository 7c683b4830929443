// SPDX-License-Identifier: MIT
// The five seed source documents (000-004): region, year written, title and kind.
#pragma once
#include <string_view>
namespace regind::detail::data {
inline constexpr std::string_view seed_documents_csv = R"regind(
doc,region_code,year,title_zh,title_en,kind
000_c4e1fff8c860fce4,330500,2022,以绿色智造掀开高质量发展崭新一页,Opening a new chapter of high-quality development with green intelligent manufacturing,review
001_0e7ef2388a968c5b,330500,2017,湖州市经信局2016年工作总结,Huzhou Economy and Information Technology Bureau: 2016 work summary,summary
002_0aa44b95e84d5610,330400,2022,嘉兴市经信工作2021年总结和2022年思路,Jiaxing economy and information technology work: 2021 summary and 2022 plan,summary
003_5792007c2965e94e,330500,2025,"问鼎我省制造业领域最高荣誉,湖州首夺“天工鼎”金鼎!",Winning the province's highest manufacturing honour: Huzhou takes the Tiangong Ding gold tripod for the first time,news
004_abf8c206d4fe9e88,330500,2025,绿染菰城二十载 智造潮涌南太湖,Twenty years of green in Huzhou: intelligent manufacturing surges on the southern shore of Taihu Lake,review
)regind";
}  // namespace regind::detail::data
