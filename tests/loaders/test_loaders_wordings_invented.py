"""Whole short notices in wordings the other wording tests do not use, each read task by task.

Every notice is invented for this file in the style of one of three sources: gov.cn State Council and
General Office documents (one paragraph a line), pages of the 平潭综合实验区 政务公开 archive (header block,
then the whole page on one line with its furniture), and county or district 分工方案 (one field a line or
one task a line). They vary what real offices vary: the label words (主办/协办, 主责/协同, 牵头部门/配合部门,
承办, 参与), the punctuation (ASCII and fullwidth colons, brackets and semicolons, spaces between units),
the numbering (１． 1） ⑴ 一、), role verbs (协助, 协同, 支持, 主抓), conventions stated once, names no
registry knows, group words, flattened tables, deadlines, leaders, and pages that are no notice at all.
Each expected value was written by hand from the notice, as a careful reader would fill in a 分工 table.
"""

from __future__ import annotations

import pytest

from dutygraph.errors import DutygraphError
from dutygraph.loaders import parse_text

Units = list[tuple[list[str], list[str]]]


def units(text: str) -> Units:
    return [(t.lead_units, t.co_units) for t in parse_text(text).tasks]


def pingtan_page(
    title: str, body: str, *, column: str = "区管委会办公室文件", when: str = "2023-06-12 10:20"
) -> str:
    """``body`` as the 平潭 archive stores a page, with a furniture set the other archive tests do not use."""
    return (
        f"标题: {title}\n发布时间: {when}\n文号: \n发布机构: 中国平潭\n栏目: {column}\n"
        "原文链接: https://www.pingtan.gov.cn/zwgk/zxwj/qgwhbgswj/202306/t20230612_9.htm\n"
        "本地目录: zwgk/zxwj/qgwhbgswj/202306/9_x\n页面链接与图片详见 links.tsv(同目录)\n"
        "==================== 正文 ====================\n"
        f"当前位置： 首页 > 政务公开 > {column} 【字体：大 中 小】 {title} 时间：{when} 浏览次数： 微信 微博 QQ空间 "
        f"{body} 来源：中国平潭 责任编辑：林晓 附件下载： 扫一扫在手机打开当前页 打印本页 关闭窗口\n"
    )


def gov_cn(title: str, number: str, body: str) -> str:
    """A gov.cn General Office document, one paragraph a line, with ``body`` below its address."""
    return (
        f"{title}\n{number}\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n{body}"
        "国务院办公厅\n2023年8月9日\n（此件公开发布）\n"
    )


NOTICES = [
    # -- county and district 分工方案 -------------------------------------------------------------------
    pytest.param(
        "某县人民政府办公室关于印发某县2023年优化营商环境重点任务分工方案的通知\n各乡镇人民政府，县直各有关单位：\n"
        "现将《某县2023年优化营商环境重点任务分工方案》印发给你们，请认真组织实施。\n某县人民政府办公室\n2023年3月15日\n"
        "某县2023年优化营商环境重点任务分工方案\n一、提升政务服务效能\n"
        "1.推行“一件事一次办”，年内实现20个事项集成办理。\n主办单位：县行政审批服务局\n"
        "协办单位：县发展和改革局、县市场监督管理局\n2.推进政务服务“跨省通办”。\n主办单位：县行政审批服务局\n"
        "协办单位：县公安局、县人力资源和社会保障局\n二、优化市场环境\n3.清理妨碍统一市场和公平竞争的规定。\n"
        "主办单位：县市场监督管理局\n协办单位：县司法局\n4.规范涉企收费行为。\n主办单位：县发展和改革局\n"
        "协办单位：县财政局、县市场监督管理局、县税务局\n",
        [
            (["县行政审批服务局"], ["县发展和改革局", "县市场监督管理局"]),
            (["县行政审批服务局"], ["县公安局", "县人力资源和社会保障局"]),
            (["县市场监督管理局"], ["县司法局"]),
            (["县发展和改革局"], ["县财政局", "县市场监督管理局", "县税务局"]),
        ],
        id="county-zhuban-xieban-on-their-own-lines",
    ),
    pytest.param(
        "某区2023年养老服务体系建设任务分工\n"
        "1、完善居家养老服务网络。牵头部门:区民政局;配合部门:区财政局,区卫生健康局;完成时限:2023年底前\n"
        "2、推进医养结合。牵头部门:区卫生健康局;配合部门:区民政局,区医疗保障局;完成时限:2023年10月底前\n"
        "3、加强养老护理员培训。牵头部门:区人力资源和社会保障局;配合部门:区民政局;完成时限:长期坚持\n"
        "4、开展养老机构安全检查。牵头部门:区民政局;配合部门:区应急管理局,区消防救援大队,区市场监督管理局;"
        "完成时限:持续推进\n",
        [
            (["区民政局"], ["区财政局", "区卫生健康局"]),
            (["区卫生健康局"], ["区民政局", "区医疗保障局"]),
            (["区人力资源和社会保障局"], ["区民政局"]),
            (["区民政局"], ["区应急管理局", "区消防救援大队", "区市场监督管理局"]),
        ],
        id="district-qiantou-bumen-ascii-punctuation",
    ),
    pytest.param(
        "某市数字政府建设2023年工作要点任务清单\n"
        "（一）迭代升级一体化智能化公共数据平台。主责单位：市大数据发展管理局；协同单位：市委网信办、市经信局。\n"
        "（二）推进政务服务应用贯通。主责单位：市政务服务办；协同单位：市大数据发展管理局。\n"
        "（三）深化基层智治综合应用。主责单位：市委政法委；协同单位：市民政局、市公安局、各县（市、区）政府。\n"
        "（四）健全数据安全制度。主责单位：市委网信办。\n",
        [
            (["市大数据发展管理局"], ["市委网信办", "市经信局"]),
            (["市政务服务办"], ["市大数据发展管理局"]),
            (["市委政法委"], ["市民政局", "市公安局", "各县（市、区）政府"]),
            (["市委网信办"], []),
        ],
        id="city-zhuze-xietong",
    ),
    pytest.param(
        "某县2023年城乡环境综合整治工作任务分解\n"
        "1.开展农村生活垃圾治理。责任单位：县住房和城乡建设局（牵头）、县农业农村局、各乡镇人民政府\n"
        "2.推进农村厕所革命。责任单位：县农业农村局（牵头）、县卫生健康局、各乡镇人民政府\n"
        "3.整治城乡结合部环境。责任单位：县城市管理局（牵头）、县公安局、县交通运输局\n"
        "4.开展河道清漂保洁。责任单位：县水利局\n",
        [
            (["县住房和城乡建设局"], ["县农业农村局", "各乡镇人民政府"]),
            (["县农业农村局"], ["县卫生健康局", "各乡镇人民政府"]),
            (["县城市管理局"], ["县公安局", "县交通运输局"]),
            (["县水利局"], []),
        ],
        id="county-lead-marked-qiantou-in-the-list",
    ),
    pytest.param(
        "某区关于做好2023年防汛防台风工作的任务分工\n各街道办事处、区直有关单位：\n"
        "为切实做好今年防汛防台风工作，现将有关任务分工如下（责任单位中排在首位的为牵头单位，其余为配合单位）：\n"
        "一、完善应急预案。修订区级防汛防台风应急预案，指导街道完善预案。责任单位：区应急管理局、区水利局\n"
        "二、开展隐患排查。对水库、山塘、地质灾害点开展拉网式排查。责任单位：区水利局、区自然资源局、各街道办事处\n"
        "三、做好物资储备。责任单位：区发展和改革局、区应急管理局\n四、加强值班值守。责任单位：区政府办公室\n",
        [
            (["区应急管理局"], ["区水利局"]),
            (["区水利局"], ["区自然资源局", "各街道办事处"]),
            (["区发展和改革局"], ["区应急管理局"]),
            (["区政府办公室"], []),
        ],
        id="district-convention-shouwei-in-the-lead-in",
    ),
    pytest.param(
        "某县全民健身工作任务分工\n各项任务均由排名第一的单位牵头，其他单位配合。\n"
        "1）建设全民健身设施。（县教育体育局、县住房和城乡建设局、县自然资源局）\n"
        "2）举办群众体育赛事。（县教育体育局、县总工会、团县委）\n"
        "3）推进学校体育场馆开放。（县教育体育局）\n",
        [
            (["县教育体育局"], ["县住房和城乡建设局", "县自然资源局"]),
            (["县教育体育局"], ["县总工会", "团县委"]),
            (["县教育体育局"], []),
        ],
        id="county-convention-paiming-diyi-and-half-paren-numbers",
    ),
    pytest.param(
        "某区2023年为民办实事项目责任分工\n"
        "⑴新建改建公办幼儿园3所。牵头单位：区教育局；配合单位：区财政局、区自然资源局、区住房和城乡建设局\n"
        "⑵改造老旧小区12个。牵头单位：区住房和城乡建设局；配合单位：各街道办事处\n"
        "⑶新增公共停车位1000个。牵头单位：区城市管理局；配合单位：区公安分局交警大队、区交通运输局\n",
        [
            (["区教育局"], ["区财政局", "区自然资源局", "区住房和城乡建设局"]),
            (["区住房和城乡建设局"], ["各街道办事处"]),
            (["区城市管理局"], ["区公安分局交警大队", "区交通运输局"]),
        ],
        id="district-parenthesized-digit-chars",
    ),
    pytest.param(
        "某区2023年全民阅读活动任务分工\n"
        "1.举办读书节系列活动。牵头单位：区委宣传部 配合单位：区文化和旅游局 区教育局 团区委\n"
        "2.建设城市书房10家。牵头单位：区文化和旅游局 配合单位：区财政局 各街道办事处\n"
        "3.开展农家书屋提升行动。牵头单位：区农业农村局\n",
        [
            (["区委宣传部"], ["区文化和旅游局", "区教育局", "团区委"]),
            (["区文化和旅游局"], ["区财政局", "各街道办事处"]),
            (["区农业农村局"], []),
        ],
        id="district-units-separated-by-spaces-only",
    ),
    pytest.param(
        "某区创建全国文明城市工作领导小组成员单位职责\n区委宣传部负责创建工作的统筹协调和宣传报道。\n"
        "区教育局负责未成年人思想道德建设。\n区城市管理局负责市容市貌整治，会同区交通运输局做好占道经营整治。\n"
        "区市场监督管理局、区卫生健康局按照各自职责，负责农贸市场食品安全和环境卫生。\n",
        [
            (["区委宣传部"], []),
            (["区教育局"], []),
            (["区城市管理局"], ["区交通运输局"]),
            ([], ["区市场监督管理局", "区卫生健康局"]),
        ],
        id="district-member-duties-unit-first-without-colons",
    ),
    pytest.param(
        "某县2023年道路交通安全工作任务分工\n"
        "1.开展酒驾醉驾专项整治。（县公安局负责，县交警大队协助）\n"
        "2.整治农村道路安全隐患。（县交通运输局牵头，县公安局、各乡镇人民政府协同）\n"
        "3.加强校车安全管理。（县教育局主抓，县公安局、县交通运输局支持）\n"
        "4.开展交通安全宣传。（县委宣传部牵头，县融媒体中心配合实施）\n",
        [
            (["县公安局"], ["县交警大队"]),
            (["县交通运输局"], ["县公安局", "各乡镇人民政府"]),
            (["县教育局"], ["县公安局", "县交通运输局"]),
            (["县委宣传部"], ["县融媒体中心"]),
        ],
        id="county-role-verbs-xiezhu-xietong-zhuzhua-zhichi",
    ),
    pytest.param(
        "某区2023年生态环境保护工作要点分工\n"
        "1.推进污水处理厂提标改造。完成2座污水处理厂改造。（区水务局负责）推进配套管网建设。"
        "（区水务局牵头，区住房和城乡建设局参与）加强运行监管。（区生态环境分局负责）\n"
        "2.开展扬尘污染治理。（区住房和城乡建设局、区城市管理局按职责分工负责）\n"
        "3.推进固体废物减量。（区生态环境分局牵头，区发展和改革局、区商务局参与）\n",
        [
            (["区水务局"], ["区住房和城乡建设局", "区生态环境分局"]),
            ([], ["区住房和城乡建设局", "区城市管理局"]),
            (["区生态环境分局"], ["区发展和改革局", "区商务局"]),
        ],
        id="district-three-parentheticals-in-one-numbered-task",
    ),
    pytest.param(
        "某区2023年文化旅游工作任务分工\n"
        "1.创建国家全域旅游示范区。（区文化和旅游局牵头，区住房和城乡建设局和区自然资源和规划局配合）\n"
        "2.保护历史文化街区。（区住房和城乡建设局和区文化和旅游局负责）\n"
        "3.开展青少年研学活动。（区教育局及各中小学校负责）\n",
        [
            (["区文化和旅游局"], ["区住房和城乡建设局", "区自然资源和规划局"]),
            ([], ["区住房和城乡建设局", "区文化和旅游局"]),
            ([], ["区教育局", "各中小学校"]),
        ],
        id="district-he-and-ji-between-and-inside-names",
    ),
    pytest.param(
        "某县安全生产工作任务分解\n"
        "1.落实企业安全生产主体责任。责任单位：各乡镇（街道）、各有关单位\n"
        "2.开展消防隐患排查整治。牵头单位：县消防救援大队；配合单位：各乡镇人民政府、县直各有关部门\n"
        "3.做好节假日值班值守。责任单位：县直各单位\n"
        "4.开展燃气安全检查。牵头单位：县住房和城乡建设局；配合单位：县市场监督管理局，各乡镇（街道）\n",
        [
            ([], ["各乡镇（街道）", "各有关单位"]),
            (["县消防救援大队"], ["各乡镇人民政府", "县直各有关部门"]),
            (["县直各单位"], []),
            (["县住房和城乡建设局"], ["县市场监督管理局", "各乡镇（街道）"]),
        ],
        id="county-group-words",
    ),
    pytest.param(
        "某区2023年重点民生实事分工\n"
        "1.提升社区卫生服务能力。\n牵头单位：区卫生健康局\n参与单位：区财政局、区医疗保障局\n完成时间：2023年12月\n"
        "2.推进义务教育优质均衡。\n责任部门：区教育局\n完成时间：2023年9月\n"
        "3.建设区级应急避难场所。\n承办单位：区应急管理局、区自然资源局\n完成时间：2023年11月\n",
        [
            (["区卫生健康局"], ["区财政局", "区医疗保障局"]),
            (["区教育局"], []),
            ([], ["区应急管理局", "区自然资源局"]),
        ],
        id="district-canyu-zeren-bumen-chengban-labels",
    ),
    pytest.param(
        "某县2023年乡村振兴重点任务分工\n"
        "1.稳定粮食播种面积。牵头单位：县农业农村局，县发展和改革局；配合单位：各乡镇人民政府\n"
        "2.巩固拓展脱贫攻坚成果。牵头单位：县乡村振兴局；配合单位：县民政局，县人力资源和社会保障局，县医疗保障局\n"
        "3.推进高标准农田建设。牵头单位：县农业农村局；配合单位：县财政局、县水利局，各乡镇人民政府\n",
        [
            (["县农业农村局", "县发展和改革局"], ["各乡镇人民政府"]),
            (["县乡村振兴局"], ["县民政局", "县人力资源和社会保障局", "县医疗保障局"]),
            (["县农业农村局"], ["县财政局", "县水利局", "各乡镇人民政府"]),
        ],
        id="county-comma-separated-leads-and-co-units",
    ),
    pytest.param(
        "某区2023年招商引资工作任务分工\n"
        "1.组织开展驻点招商。牵头单位：区投资促进中心；责任人：陈明；配合单位：区商务局\n"
        "2.建立重点项目库。牵头单位：区发展和改革局；责任人：王芳；配合单位：区统计局、区自然资源局\n"
        "3.做好项目落地服务。牵头单位：区行政审批服务局；责任人：李强\n",
        [
            (["区投资促进中心"], ["区商务局"]),
            (["区发展和改革局"], ["区统计局", "区自然资源局"]),
            (["区行政审批服务局"], []),
        ],
        id="district-responsible-person-beside-the-units",
    ),
    pytest.param(
        "某区2023年营商环境提升任务清单\n"
        "1.压缩企业开办时间。责任单位：区市场监督管理局 、区税务局 、 区公安分局\n"
        "2.推行“证照分离”改革。责任单位：区市场监督管理局 2023年底前完成\n"
        "3.优化不动产登记。责任单位：区自然资源局、区税务局 2023年6月底前完成\n",
        [
            ([], ["区市场监督管理局", "区税务局", "区公安分局"]),
            (["区市场监督管理局"], []),
            ([], ["区自然资源局", "区税务局"]),
        ],
        id="district-stray-spaces-and-unlabelled-deadlines",
    ),
    # -- the 平潭 archive, one line a page ------------------------------------------------------------------
    pytest.param(
        pingtan_page(
            "平潭综合实验区管委会办公室关于印发2023年城市更新工作任务分工的通知",
            "各片区管理局，区直各单位： 现将任务分工印发给你们，请抓好落实。 "
            "１．实施老旧小区改造。年内完成改造1.2万户，总投资3.5亿元。责任单位：区住建局"
            "２．推进城市燃气管道更新。更新管道2.6公里。责任单位：区城管局、区住建局"
            "３．建设口袋公园。新建公园5个。责任单位：区城管局 平潭综合实验区管委会办公室 2023年6月12日",
        ),
        [(["区住建局"], []), ([], ["区城管局", "区住建局"]), (["区城管局"], [])],
        id="pingtan-fullwidth-digits-and-decimal-amounts",
    ),
    pytest.param(
        pingtan_page(
            "平潭综合实验区管委会办公室关于印发2023年基层治理重点任务分工的通知",
            "各片区管理局，区直各单位： 1.加强新兴领域党建。牵头单位：区委社会工作部；配合单位：区委组织部、区市场监管局"
            " 2.推进公共数据开放共享。牵头单位：区数据资源管理局；配合单位：区委网信办"
            " 3.开展青年志愿服务行动。牵头单位：团区委；配合单位：区文明办、区科协"
            " 4.推进片区城市更新。牵头单位：金井片区管理局；配合单位：区城市更新服务中心、区融媒体中心"
            " 平潭综合实验区管委会办公室 2023年6月12日",
        ),
        [
            (["区委社会工作部"], ["区委组织部", "区市场监管局"]),
            (["区数据资源管理局"], ["区委网信办"]),
            (["团区委"], ["区文明办", "区科协"]),
            (["金井片区管理局"], ["区城市更新服务中心", "区融媒体中心"]),
        ],
        id="pingtan-new-bodies-no-registry-knows",
    ),
    pytest.param(
        pingtan_page(
            "平潭综合实验区管委会关于印发海漂垃圾综合治理工作方案的通知",
            "各片区管理局，区直各单位： 一、工作任务 （一）开展岸滩清理。（各片区管理局负责，区住建局指导）"
            "（二）加强源头管控。（区行政审批局牵头，区直各有关单位按职责分工负责）"
            "（三）规范渔船管理。（区海洋与渔业局、平潭海事局等部门负责）"
            "（四）建立长效机制。（区资源生态局牵头，区财金局、区农业农村局参与；长期坚持） 二、保障措施 加强组织领导。"
            " 平潭综合实验区管委会 2023年5月4日",
            column="管委会文件",
        ),
        [
            (["各片区管理局"], ["区住建局"]),
            (["区行政审批局"], ["区直各有关单位"]),
            ([], ["区海洋与渔业局", "平潭海事局"]),
            (["区资源生态局"], ["区财金局", "区农业农村局"]),
        ],
        id="pingtan-parentheticals-with-group-tails",
    ),
    pytest.param(
        pingtan_page(
            "平潭综合实验区管委会办公室关于印发2023年文明城市创建任务分解表的通知",
            "附件 2023年文明城市创建任务分解表 序号 重点任务 责任领导 牵头单位 配合单位 完成时限"
            " 1 整治背街小巷 林海副主任 区住建局 区城管局、各片区管理局 2023年8月底前"
            " 2 规范农贸市场 陈刚副主任 区市场监管局 区商务局 2023年9月底前"
            " 3 开展志愿服务 黄伟副主任 区文明办 团区委、区妇联 长期坚持",
        ),
        [
            (["区住建局"], ["区城管局", "各片区管理局"]),
            (["区市场监管局"], ["区商务局"]),
            (["区文明办"], ["团区委", "区妇联"]),
        ],
        id="pingtan-flat-table-leader-lead-co-columns",
    ),
    pytest.param(
        pingtan_page(
            "平潭综合实验区管委会办公室关于印发2023年数字经济发展任务分解表的通知",
            "附件 任务分解表 序号 工作任务 完成时限 责任单位 1.建立数字经济统计监测机制2023年6月底前区统计局、区经发局"
            "2.培育数字经济龙头企业2023年12月底前区经发局3.建设5G基站200个2023年12月底前区工信局、铁塔平潭分公司",
        ),
        [([], ["区统计局", "区经发局"]), (["区经发局"], []), ([], ["区工信局", "铁塔平潭分公司"])],
        id="pingtan-flat-table-no-spaces-deadline-before-units",
    ),
    pytest.param(
        pingtan_page(
            "平潭综合实验区管委会办公室关于印发2023年森林防火工作任务分工的通知",
            "各片区管理局，区直各单位： 现将任务明确如下： 一、落实防火责任。将防火责任落实到山头地块。"
            "（牵头单位：区农业农村局；配合单位：各片区管理局） 二、加强火源管控。（牵头单位：区公安局；配合单位：区林业局、"
            "各乡镇（街道）） 三、做好扑救准备。（牵头单位：区应急管理局；配合单位：区消防救援大队） 附件：1.任务分工表 "
            "平潭综合实验区管委会办公室 2023年2月20日",
        ),
        [
            (["区农业农村局"], ["各片区管理局"]),
            (["区公安局"], ["区林业局", "各乡镇（街道）"]),
            (["区应急管理局"], ["区消防救援大队"]),
        ],
        id="pingtan-top-level-tasks-and-an-attachment-line",
    ),
    pytest.param(
        pingtan_page(
            "平潭综合实验区管委会办公室关于印发2023年食品安全工作任务分工的通知",
            "各片区管理局，区直各单位： 1.开展校园食品安全守护行动。(牵头单位:区教育局;配合单位:区市场监管局、区卫健委)"
            " 2.整治农村假冒伪劣食品。(牵头单位:区市场监管局;配合单位:区公安局、区农业农村局)"
            " 3.加强进口冷链食品监管。(责任单位:平潭海关、区市场监管局) 平潭综合实验区管委会办公室 2023年3月1日",
        ),
        [
            (["区教育局"], ["区市场监管局", "区卫健委"]),
            (["区市场监管局"], ["区公安局", "区农业农村局"]),
            ([], ["平潭海关", "区市场监管局"]),
        ],
        id="pingtan-ascii-brackets-colons-semicolons",
    ),
    pytest.param(
        pingtan_page(
            "平潭综合实验区管委会办公室关于印发2023年人才工作要点分工的通知",
            "各片区管理局，区直各单位： （一）引进高层次人才。责任单位：区委人才办（牵头），区人社局，区财金局"
            " （二）建设人才公寓。责任单位：区住建局（牵头），区国投公司 （三）举办人才交流活动。责任单位：区委人才办"
            " 平潭综合实验区管委会办公室 2023年4月10日",
        ),
        [
            (["区委人才办"], ["区人社局", "区财金局"]),
            (["区住建局"], ["区国投公司"]),
            (["区委人才办"], []),
        ],
        id="pingtan-qiantou-marker-and-comma-lists",
    ),
    pytest.param(
        pingtan_page(
            "平潭综合实验区管委会办公室关于印发2023年对台交流合作任务分工的通知",
            "各片区管理局，区直各单位： 1、深化两岸融合发展。（区台港澳办牵头，区经发局、区商务局配合，各片区管理局落实）"
            "2、推进台胞就业创业。（区人社局牵头，团区委、区青创中心配合）"
            "3、拓展对台贸易。（区商务局、平潭海关按职责分工负责）"
            "4、便利台胞往来。（平潭边检站负责） 平潭综合实验区管委会办公室 2023年7月3日",
        ),
        [
            (["区台港澳办"], ["区经发局", "区商务局", "各片区管理局"]),
            (["区人社局"], ["团区委", "区青创中心"]),
            ([], ["区商务局", "平潭海关"]),
            (["平潭边检站"], []),
        ],
        id="pingtan-run-on-numbers-with-three-roles",
    ),
    # -- gov.cn, one paragraph a line ------------------------------------------------------------------------
    pytest.param(
        gov_cn(
            "国务院办公厅关于进一步促进某类产业发展的意见",
            "国办发〔2023〕21号",
            "为促进某类产业高质量发展，经国务院同意，现提出以下意见。\n一、强化创新支撑\n"
            "（一）突破关键核心技术。（工业和信息化部、科技部分工负责）\n"
            "（二）建设公共服务平台。（国家发展改革委、商务部依职责负责）\n二、加大政策支持\n"
            "（三）落实税费优惠政策。（财政部、税务总局根据职责分工负责）\n"
            "（四）便利进出口通关。（海关总署、市场监管总局按职能分工负责）\n"
            "（五）加强用地保障。（自然资源部牵头，有关部门按职责分工落实）\n",
        ),
        [
            ([], ["工业和信息化部", "科技部"]),
            ([], ["国家发展改革委", "商务部"]),
            ([], ["财政部", "税务总局"]),
            ([], ["海关总署", "市场监管总局"]),
            (["自然资源部"], ["有关部门"]),
        ],
        id="gov-variants-of-anzhize-fengong",
    ),
    pytest.param(
        gov_cn(
            "国务院办公厅关于做好某类群体就业工作的通知",
            "国办发〔2023〕22号",
            "经国务院同意，现就有关事项通知如下：\n"
            "一、拓宽就业渠道。（国家发展改革委、财政部、自然资源部等部门及各地区按职责分工负责）\n"
            "二、加强职业培训。（人力资源社会保障部、教育部等部门，各地区负责）\n"
            "三、强化困难帮扶。（民政部牵头，各地区落实；2023年12月底前完成）\n"
            "四、做好服务保障。（人力资源社会保障部会同国家统计局、全国总工会负责，持续推进）\n",
        ),
        [
            ([], ["国家发展改革委", "财政部", "自然资源部", "各地区"]),
            ([], ["人力资源社会保障部", "教育部", "各地区"]),
            (["民政部"], ["各地区"]),
            (["人力资源社会保障部"], ["国家统计局", "全国总工会"]),
        ],
        id="gov-departments-and-localities",
    ),
    pytest.param(
        "某省人民政府办公厅关于印发某省推动制造业数字化转型行动方案的通知\n某政办〔2023〕15号\n"
        "各设区市人民政府，省直各部门：\n现将方案印发给你们，请认真贯彻执行。\n某省人民政府办公厅\n2023年4月2日\n"
        "某省推动制造业数字化转型行动方案\n一、主要任务\n（一）夯实数字基础设施。\n"
        "1.加快5G网络建设。（省通信管理局牵头，省工业和信息化厅配合，各设区市人民政府落实）\n"
        "2.建设工业互联网平台。（省工业和信息化厅、省科技厅按职责分工负责）\n（二）培育数字化服务商。\n"
        "3.遴选优质服务商。（省工业和信息化厅负责）\n4.加大金融支持。（省地方金融监管局、人民银行某省分行负责）\n",
        [
            (["省通信管理局"], ["省工业和信息化厅", "各设区市人民政府"]),
            ([], ["省工业和信息化厅", "省科技厅"]),
            (["省工业和信息化厅"], []),
            ([], ["省地方金融监管局", "人民银行某省分行"]),
        ],
        id="province-plan-under-its-notice",
    ),
]


#: Notices the loaders misread today, each with what goes wrong (strict: a case that starts passing leaves).
NOT_READ_YET = {
    "county-zhuban-xieban-on-their-own-lines": "'主办单位：X' on a line of its own under the task is dropped: "
    "the task gets no lead, only the 协办 co-units (beside the task on one line it is read)",
    "county-convention-paiming-diyi-and-half-paren-numbers": "the convention '各项任务均由排名第一的单位牵头，"
    "其他单位配合' is not recognised: it becomes a task (lead '各项任务均由排名第一的单位', co '其他单位') "
    "and the later lists get no lead",
    "district-parenthesized-digit-chars": "numbers ⑴ ⑵ ⑶ (U+2474…) open no task: the notice is refused as 'no tasks found'",
    "district-units-separated-by-spaces-only": "units separated only by spaces after '配合单位：' are read as one "
    "name ('区文化和旅游局 区教育局 团区委'), with a unit-suspect-concatenation warning",
    "district-member-duties-unit-first-without-colons": "unnumbered unit-first duty lines ('区教育局负责…') under a "
    "plain 成员单位职责 title (no decimal heading) are refused as 'no tasks found'",
    "county-role-verbs-xiezhu-xietong-zhuzhua-zhichi": "'协同' is read into the unit name ('各乡镇人民政府协同'), and "
    "'（X主抓，Y、Z支持）' is not read as an assignment at all (the task gets no units, the bracket stays in its text)",
    "district-canyu-zeren-bumen-chengban-labels": "'承办单位：A、B' on a line of its own is not read (the task gets "
    "no units); beside the task on one line it is",
    "district-stray-spaces-and-unlabelled-deadlines": "a deadline after the unit list with only a space "
    "('责任单位：区X局 2023年底前完成') is read into the last unit's name",
    "pingtan-flat-table-no-spaces-deadline-before-units": "a flattened table without cell spaces, rows numbered '1.', "
    "columns 完成时限 then 责任单位, is refused as 'no tasks found'",
}


def _case(param: object) -> object:
    marks = list(param.marks)  # type: ignore[attr-defined]
    reason = NOT_READ_YET.get(param.id)  # type: ignore[attr-defined]
    if reason:
        marks.append(pytest.mark.xfail(strict=True, reason=reason))
    return pytest.param(*param.values, id=param.id, marks=marks)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "expected"), [_case(p) for p in NOTICES])
def test_an_invented_notice_is_read_task_by_task(text, expected):
    assert units(text) == expected


def test_the_expected_units_are_printed_in_their_notices():
    missing = [
        (p.id, unit)
        for p in NOTICES
        for lead, co in p.values[1]
        for unit in lead + co
        if unit not in p.values[0]
    ]
    assert missing == []


LEADERS = [
    pytest.param(
        "1.推进甲大桥建设。责任领导：分管副区长林海 牵头单位：区交通运输局 配合单位：区自然资源局",
        (["区交通运输局"], ["区自然资源局"]),
        ["林海"],
        id="zeren-lingdao-post-then-name",
    ),
    pytest.param(
        "1.推进甲大桥建设。（分管副区长：黄伟；牵头单位：区教育局；配合单位：区财政局）",
        (["区教育局"], ["区财政局"]),
        ["黄伟"],
        id="post-as-label-inside-the-bracket",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'（分管副区长：黄伟；牵头单位：…）': a post used as the label gives no leader at all",
        ),
    ),
    pytest.param(
        "1.推进甲大桥建设。分管领导：副区长 王芳；责任单位：区城市管理局",
        (["区城市管理局"], []),
        ["王芳"],
        id="fenguan-lingdao-post-space-name",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'分管领导：副区长 王芳' gives two leaders, a post without name (None) and 王芳, instead of one",
        ),
    ),
    pytest.param(
        "1.推进甲大桥建设。牵头领导：林海（副区长）；牵头单位：区交通运输局；配合单位：区财政局",
        (["区交通运输局"], ["区财政局"]),
        ["林海"],
        id="qiantou-lingdao-name-then-post",
        marks=pytest.mark.xfail(
            strict=True,
            reason="the label '牵头领导：林海（副区长）' gives no leader (units beside it are read)",
        ),
    ),
]


@pytest.mark.parametrize(("task", "assigned", "names"), LEADERS)
def test_a_leader_named_beside_the_units(task, assigned, names):
    text = f"某区2023年重点项目建设任务分工\n{task}\n2.推进乙医院建设。牵头单位：区卫生健康局\n"
    doc = parse_text(text)
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [assigned, (["区卫生健康局"], [])]
    assert [leader.name for leader in doc.tasks[0].leaders] == names


DEADLINES = [
    pytest.param(
        "某区2023年养老服务体系建设任务分工\n"
        "1、完善居家养老服务网络。牵头部门:区民政局;配合部门:区财政局;完成时限:2023年底前\n"
        "2、推进医养结合。牵头部门:区卫生健康局;完成时限:长期坚持\n"
        "3、开展养老机构安全检查。牵头部门:区民政局;完成时限:持续推进\n",
        ["2023年底前", "长期坚持", "持续推进"],
        id="ascii-colon-labels",
    ),
    pytest.param(
        "某县2023年重点工作分工\n1.推进甲工作。（牵头单位：县发展和改革局；完成时限：2023年底前）\n"
        "2.推进乙工作。（牵头单位：县财政局；时限要求：2023年9月底前）\n"
        "3.推进丙工作。（牵头单位：县统计局；时间节点：每季度末）\n",
        ["2023年底前", "2023年9月底前", "每季度末"],
        id="inside-the-label-bracket",
    ),
    pytest.param(
        "某区2023年重点民生实事分工\n1.提升社区卫生服务能力。\n牵头单位：区卫生健康局\n完成时间：2023年12月\n"
        "2.推进义务教育优质均衡。\n责任部门：区教育局\n完成时间：2023年9月\n",
        ["2023年12月", "2023年9月"],
        id="completion-time-on-its-own-line",
    ),
    pytest.param(
        gov_cn(
            "国务院办公厅关于某项工作的通知",
            "国办发〔2023〕23号",
            "一、完善甲制度。（国家发展改革委负责，2024年6月底前出台）\n二、推进乙工作。（商务部牵头，海关总署参与；持续推进）\n"
            "三、落实丙政策。（财政部负责，长期坚持）\n",
        ),
        ["2024年6月底前出台", "持续推进", "长期坚持"],
        id="gov-cn-parentheticals",
    ),
]


@pytest.mark.parametrize(("text", "deadlines"), DEADLINES)
def test_each_tasks_deadline_is_read_apart_from_its_units(text, deadlines):
    assert [t.deadline for t in parse_text(text).tasks] == deadlines


NOT_NOTICES = [
    pytest.param(
        pingtan_page(
            "平潭综合实验区管委会办公室关于2024年部分节假日安排的通知",
            "各片区管理局，区直各单位： 根据国务院办公厅通知精神，现将2024年元旦、春节等节假日安排通知如下："
            " 一、元旦：1月1日放假，与周末连休。 二、春节：2月10日至17日放假调休，共8天。 三、清明节：4月4日至6日放假调休，共3天。"
            " 节假日期间，各单位要妥善安排好值班和安全、保卫等工作。 平潭综合实验区管委会办公室 2023年12月20日",
        ),
        id="holiday-arrangements",
    ),
    pytest.param(
        pingtan_page(
            "平潭综合实验区人力资源和社会保障局2023年公开招聘编外工作人员公告",
            "因工作需要，区人社局面向社会公开招聘编外工作人员。 一、招聘岗位 窗口服务人员2名。 二、报名条件"
            " 1.具有中华人民共和国国籍。 2.大专及以上学历。 3.年龄在35周岁以下。 三、报名方式 报名地点：区人力资源和社会保障局三楼。"
            " 联系电话：0591-23456789 平潭综合实验区人力资源和社会保障局 2023年6月1日",
            column="通知公告",
        ),
        id="recruitment-notice",
    ),
    pytest.param(
        pingtan_page(
            "平潭综合实验区管委会关于林某某等同志职务任免的通知",
            "区直各单位： 经研究决定： 一、任命林某某为区经济发展局局长； 二、任命陈某某为区财政金融局副局长；"
            " 三、免去王某某的区交通与建设局副局长职务。 平潭综合实验区管委会 2023年5月6日",
            column="人事信息",
        ),
        id="appointments",
    ),
    pytest.param(
        "国务院召开常务会议 研究部署某某工作\n新华社北京6月2日电\n国务院总理主持召开国务院常务会议，听取关于某某工作的汇报。\n"
        "会议指出，一要加大政策支持力度。二要优化营商环境。三要加强部门协同。\n"
        "会议还研究了其他事项。国务院各部门负责同志列席会议。\n",
        id="executive-meeting-news",
    ),
    pytest.param(
        pingtan_page(
            "关于公开征求《平潭综合实验区某某管理办法（征求意见稿）》意见的通知",
            "为提高制度建设质量，现将《办法（征求意见稿）》向社会公开征求意见。 一、征求意见时间：2023年6月1日至6月30日。"
            " 二、反馈方式：电子邮件发送至区司法局邮箱。 三、联系单位：区司法局，联系电话：0591-24681357。"
            " 平潭综合实验区司法局 2023年5月31日",
            column="意见征集",
        ),
        id="call-for-comments",
    ),
]


@pytest.mark.parametrize("text", NOT_NOTICES)
def test_a_page_that_assigns_no_work_is_refused(text):
    with pytest.raises(DutygraphError):
        parse_text(text)
