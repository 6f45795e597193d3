"""Demo matters of land, building, transport, agriculture, culture, education, safety and veterans' affairs."""

from __future__ import annotations

from catalog.demo.departments import matter as m

__all__ = ["MATTERS"]

DT = ("district", "town")
DTV = ("district", "town", "village")
ENT = ("2", "5")
ORG = ("2", "3", "4", "5")
BIZ = ("1", "2", "5")
PROJECT = ("申请书", "营业执照", "方案")

MATTERS = [
    # 区退役军人事务局
    m("TYJRJ", "YDZ-SL", "退役军人优待证申领", "20", 30, 15, depth="full", levels=DTV, materials=("身份证", "照片"),
      result="退役军人优待证", certificate="ZZ-TYJRYDZ", keywords=("优待证",)),
    m("TYJRJ", "JDLK", "退役军人建档立卡", "20", 10, 0, levels=DTV, materials=("身份证", "户口簿"),
      result="建档立卡信息"),
    m("TYJRJ", "YFDX-BZ", "重点优抚对象定期抚恤补助", "05", 30, 20, levels=DT, materials=("身份证", "优待证"),
      result="抚恤补助金", result_type="payment"),
    m("TYJRJ", "ZZJY-BZ", "自主就业退役士兵一次性经济补助", "05", 30, 15, materials=("身份证", "户口簿"),
      result="一次性经济补助", result_type="payment"),
    # 区教委
    m("JW", "JSZG-RD", "教师资格认定", "07", 60, 30, visits=1, materials=("申请表", "身份证", "照片", "资格证明"),
      result="教师资格证书", certificate="ZZ-JSZGZ", special=("expert_review",)),
    m("JW", "MBXX-SL", "民办学校设立审批", "01", 90, 60, audiences=ORG, special=("expert_review", "site_check"),
      materials=("申请书", "章程", "方案", "平面图"), result="办学许可证"),
    m("JW", "XX-RX", "义务教育阶段入学登记", "20", 10, 5, depth="full", levels=DT, materials=("户口簿", "不动产"),
      result="入学通知", keywords=("小学入学", "读书报名")),
    m("JW", "XSZZ", "普通高中国家助学金", "05", 30, 20, materials=("申请书", "身份证", "学籍", "收入说明"),
      result="助学金", result_type="payment"),
    m("JW", "XJ-ZX", "中小学生转学", "20", 10, 5, depth="full", materials=("申请书", "学籍"), result="转学联系单"),
    # 区司法局
    m("SFJ", "FLYZ", "法律援助", "20", 7, 3, levels=DTV, materials=("申请表", "身份证", "收入说明"),
      result="给予法律援助决定书", keywords=("找律师", "免费律师")),
    m("SFJ", "RMTJ", "人民调解", "20", 30, 15, levels=DTV, unit="natural_day", materials=("申请书", "身份证"),
      result="人民调解协议书", keywords=("调解纠纷",)),
    m("SFJ", "GZ-SL", "公证事项办理", "20", 15, 10, visits=1, materials=("申请表", "身份证", "证据"),
      result="公证书", fee="《重庆市公证服务收费标准》"),
    # 区发展改革委
    m("FGW", "TZXM-HZ", "企业投资项目核准", "01", 20, 10, audiences=ENT, materials=PROJECT,
      result="项目核准批复", special=("expert_review",)),
    m("FGW", "TZXM-BA", "企业投资项目备案", "10", 3, 1, depth="full", audiences=ENT, materials=("营业执照", "方案"),
      result="项目备案证明"),
    m("FGW", "JG-JD", "价格认定", "07", 30, 20, audiences=ORG, materials=("申请书", "证据"), result="价格认定结论书"),
    # 区经济信息委
    m("JXW", "JNSC", "固定资产投资项目节能审查", "01", 20, 15, audiences=ENT, materials=PROJECT,
      result="节能审查意见", special=("expert_review",)),
    m("JXW", "ZXQY-RD", "专精特新中小企业认定", "07", 60, 40, audiences=ENT, materials=("申请书", "营业执照"),
      result="认定文件"),
    # 区财政局
    m("CZJ", "FSPJ-JL", "非税收入票据领用", "10", 5, 2, audiences=("3", "6"), materials=("申请表",),
      result="非税收入票据"),
    m("CZJ", "ZCCG-TS", "政府采购投诉处理", "09", 30, 30, audiences=ENT, materials=("申请书", "营业执照", "证据"),
      result="投诉处理决定书"),
    # 区规划自然资源局
    m("GHZYJ", "BDC-SCDJ", "不动产首次登记", "07", 30, 5, visits=1, audiences=("1", "2"),
      materials=("申请表", "身份证", "规划许可"), result="不动产权证书", certificate="ZZ-BDCQZS",
      fee="《不动产登记收费标准》", keywords=("办房产证",)),
    m("GHZYJ", "BDC-ZYDJ", "不动产转移登记", "07", 30, 5, visits=1, audiences=("1", "2"),
      materials=("申请表", "身份证", "不动产", "合同"), result="不动产权证书", certificate="ZZ-BDCQZS",
      fee="《不动产登记收费标准》", keywords=("过户", "二手房过户")),
    m("GHZYJ", "BDC-DYDJ", "不动产抵押登记", "07", 30, 3, depth="full", audiences=("1", "2"),
      materials=("申请表", "身份证", "不动产", "合同"), result="不动产登记证明"),
    m("GHZYJ", "JSGC-GHXK", "建设工程规划许可", "01", 20, 10, audiences=ENT, materials=(*PROJECT, "设计图"),
      result="建设工程规划许可证", certificate="ZZ-JSGCGHXKZ"),
    m("GHZYJ", "XCGH-XK", "乡村建设规划许可", "01", 20, 10, levels=DT, materials=("申请表", "身份证", "设计图"),
      result="乡村建设规划许可证", keywords=("农村建房",)),
    m("GHZYJ", "ZJD-SP", "农村村民宅基地审批", "01", 20, 15, levels=DTV, materials=("申请表", "身份证", "户口簿"),
      result="农村宅基地批准书", special=("publicity", "site_check"), keywords=("宅基地", "农村建房")),
    m("GHZYJ", "TDQS-CJ", "土地权属争议调处", "09", 90, 60, levels=DT, materials=("申请书", "身份证", "证据"),
      result="调处决定书", special=("hearing",)),
    m("GHZYJ", "GDKK-ZS", "耕地开垦费征收", "04", 20, 10, audiences=ENT, materials=("申请表", "营业执照"),
      result="缴款通知书"),
    # 区生态环境局
    m("STHJJ", "HPSP", "建设项目环境影响报告表审批", "01", 30, 15, audiences=ENT, materials=(*PROJECT, "环评"),
      result="环评批复", special=("expert_review",), keywords=("环评",)),
    m("STHJJ", "PWXK", "排污许可证核发", "01", 20, 10, audiences=ENT, materials=("申请书", "营业执照", "环评"),
      result="排污许可证", certificate="ZZ-PWXKZ"),
    m("STHJJ", "HJWF-CF", "对超标排放污染物的行政处罚", "02", 90, 60, depth="inform", audiences=ENT,
      materials=("证据",), result="行政处罚决定书", special=("hearing",)),
    m("STHJJ", "WRSB-KY", "查封扣押造成污染物排放的设施设备", "03", 30, 30, depth="inform", audiences=ENT,
      materials=("证据",), result="查封扣押决定书"),
    # 区住房城乡建委
    m("ZJW", "SGXK", "建筑工程施工许可", "01", 15, 5, audiences=ENT, materials=(*PROJECT, "规划许可", "施工合同"),
      result="建筑工程施工许可证", certificate="ZZ-JZGCSGXKZ"),
    m("ZJW", "JZYQY-ZZ", "建筑业企业资质核准", "01", 20, 10, audiences=ENT, materials=("申请书", "营业执照", "资格证明"),
      result="建筑业企业资质证书", certificate="ZZ-JZYQYZZZS"),
    m("ZJW", "JGYS-BA", "房屋建筑工程竣工验收备案", "10", 15, 5, audiences=ENT, materials=("申请表", "营业执照"),
      result="竣工验收备案表"),
    m("ZJW", "GZF-SQ", "公共租赁住房申请", "05", 30, 20, levels=DTV, materials=("申请表", "身份证", "户口簿", "收入说明"),
      result="公租房配租资格", special=("publicity",), keywords=("公租房", "廉租房")),
    m("ZJW", "CSJCSS-PTF", "城市基础设施配套费征收", "04", 10, 5, audiences=ENT, materials=("申请表", "规划许可"),
      result="缴款通知书"),
    # 区城市管理局
    m("CGJ", "CSDL-ZY", "城市道路占用挖掘许可", "01", 20, 5, audiences=("1", "2"), materials=("申请书", "方案"),
      result="占道许可决定书", fee="《城市道路占用挖掘费收费标准》"),
    m("CGJ", "HWGG-SZ", "户外广告设施设置许可", "01", 20, 10, audiences=BIZ,
      materials=("申请书", "营业执照", "设计图"), result="户外广告设置许可决定书", keywords=("招牌",)),
    m("CGJ", "ZC-XK", "临时占用城市绿地审批", "01", 20, 10, audiences=BIZ, materials=("申请书", "方案"),
      result="临时占用绿地批复"),
    m("CGJ", "WZJZ-CF", "对违法建设的行政处罚", "02", 90, 60, depth="inform", materials=("证据",),
      result="行政处罚决定书", special=("hearing",)),
    # 区交通局
    m("JTJ", "DLYS-XK", "道路货物运输经营许可", "01", 20, 10, audiences=ENT, materials=("申请书", "营业执照", "车辆"),
      result="道路运输经营许可证", certificate="ZZ-DLYSJYXKZ"),
    m("JTJ", "CZC-XK", "网络预约出租汽车驾驶员证核发", "01", 20, 10, depth="full", materials=("申请表", "身份证", "驾驶证"),
      result="网约车驾驶员证", keywords=("网约车",)),
    m("JTJ", "CLSY-BA", "超限运输车辆行驶公路许可", "01", 15, 5, audiences=ENT, materials=("申请书", "车辆", "方案"),
      result="超限运输通行证"),
    m("JTJ", "LZ-JC", "道路运输经营者监督检查", "06", 30, 20, depth="inform", audiences=ENT, materials=("证据",),
      result="检查记录"),
    # 区农业农村委
    m("NYNCW", "NJ-BT", "农机购置补贴", "05", 30, 20, levels=DTV, audiences=("1", "2"), materials=("申请表", "身份证"),
      result="购置补贴", result_type="payment", keywords=("买农机补贴",)),
    m("NYNCW", "ZBSC-XK", "种子生产经营许可", "01", 20, 15, audiences=ENT, materials=("申请书", "营业执照", "场所证明"),
      result="种子生产经营许可证"),
    m("NYNCW", "SYXK", "兽药经营许可", "01", 20, 15, audiences=BIZ, materials=("申请书", "营业执照", "场所证明"),
      result="兽药经营许可证"),
    m("NYNCW", "DWFY-TJ", "动物防疫条件合格证核发", "01", 20, 10, audiences=("1", "2"), special=("site_check",),
      materials=("申请表", "平面图"), result="动物防疫条件合格证"),
    m("NYNCW", "NCTD-CB", "农村土地承包经营纠纷调解", "09", 60, 30, levels=DTV, materials=("申请书", "身份证", "证据"),
      result="调解书"),
    # 区商务委
    m("SWW", "DWMY-BA", "对外贸易经营者备案登记", "10", 5, 1, depth="full", audiences=ENT, materials=("营业执照",),
      result="对外贸易经营者备案登记表"),
    m("SWW", "DKYF-BA", "单用途商业预付卡发卡企业备案", "10", 20, 5, audiences=ENT, materials=("申请书", "营业执照"),
      result="备案通知书"),
    m("SWW", "JDCHS-BA", "报废机动车回收企业资质认定", "07", 30, 20, audiences=ENT, special=("site_check",),
      materials=("申请书", "营业执照", "场所证明"), result="资质认定书"),
    # 区文化旅游委
    m("WHLYW", "YLCS-XK", "娱乐场所经营许可", "01", 20, 10, audiences=BIZ, special=("site_check",),
      materials=("申请书", "营业执照", "平面图"), result="娱乐经营许可证", keywords=("开KTV",)),
    m("WHLYW", "WB-XK", "互联网上网服务营业场所经营许可", "01", 20, 10, audiences=BIZ,
      materials=("申请书", "营业执照", "场所证明"), result="网络文化经营许可证", keywords=("开网吧",)),
    m("WHLYW", "CBW-LS", "出版物零售业务许可", "01", 20, 5, depth="full", audiences=BIZ,
      materials=("申请书", "营业执照"), result="出版物经营许可证", certificate="ZZ-CBWJYXKZ", keywords=("开书店",)),
    m("WHLYW", "LXS-XK", "旅行社设立许可", "01", 20, 10, audiences=ENT, materials=("申请书", "营业执照", "场所证明"),
      result="旅行社业务经营许可证"),
    m("WHLYW", "WWJ-JL", "文物保护有功奖励", "08", 60, 30, materials=("申请书", "身份证", "证据"),
      result="奖励决定", result_type="payment"),
    # 区应急局
    m("YJJ", "WHP-JY", "危险化学品经营许可", "01", 30, 15, audiences=ENT, special=("site_check", "expert_review"),
      materials=("申请书", "营业执照", "安全评价"), result="危险化学品经营许可证"),
    m("YJJ", "YHBZ-XK", "烟花爆竹经营（零售）许可", "01", 20, 5, levels=DT, audiences=BIZ,
      materials=("申请书", "营业执照", "场所证明"), result="烟花爆竹经营（零售）许可证", keywords=("卖烟花",)),
    m("YJJ", "AQSC-JC", "生产经营单位安全生产监督检查", "06", 30, 20, depth="inform", audiences=ENT,
      materials=("证据",), result="现场检查记录"),
    m("YJJ", "AQYH-JL", "安全生产举报奖励", "08", 60, 30, materials=("申请书", "身份证", "证据"),
      result="举报奖励", result_type="payment"),
    # 区林业局
    m("LYJ", "LMCF-XK", "林木采伐许可", "01", 20, 5, levels=DT, audiences=("1", "2"),
      materials=("申请表", "身份证", "林权"), result="林木采伐许可证", certificate="ZZ-LMCFXKZ", keywords=("砍树",)),
    m("LYJ", "LDQS-CJ", "林木林地权属争议裁决", "09", 90, 60, levels=DT, materials=("申请书", "身份证", "林权", "证据"),
      result="裁决书", special=("hearing", "site_check")),
    m("LYJ", "ZYLD-SH", "使用林地审核", "01", 20, 15, audiences=ENT, materials=(*PROJECT, "林权"), result="使用林地审核同意书"),
    m("LYJ", "SLFH-ZS", "森林植被恢复费征收", "04", 10, 5, audiences=ENT, materials=("申请表", "林权"),
      result="缴款通知书"),
]  # fmt: skip
