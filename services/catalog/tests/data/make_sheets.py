"""Sample 实施清单 sheets the way a district keeps them, in two layouts (run: python make_sheets.py).

- 实施清单_单行表头.xlsx: two title rows, then a one-row header in the district's own words (序号, 实施机构,
  法定办结时限, 监督投诉电话, 办理地点, 收费标准 …, one heading we do not know: 审查标准), one row per material.
- 实施清单_两行表头.xlsx: a title row, then a header merged over two rows (办理时限 over 法定/承诺办结时限, 联系方式
  over 咨询/监督投诉电话, the rest merged down), one row per matter, its materials in one numbered 申请材料 cell.

The matters are Qijiang's; phone numbers are invented. Values are written as districts write them: 区县级, 四级,
乡镇（街道）级, "20个工作日", "二十个工作日", "即办".
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook  # type: ignore[import-untyped]

HERE = Path(__file__).parent
ONE_ROW = HERE / "实施清单_单行表头.xlsx"
TWO_ROWS = HERE / "实施清单_两行表头.xlsx"

ONE_ROW_HEADER = [
    "序号",
    "事项名称",
    "实施编码",
    "事项类型",
    "实施机构",
    "实施主体编码",
    "行使层级",
    "法定办结时限",
    "承诺办结时限",
    "办件类型",
    "到现场次数",
    "必须现场办理原因说明",
    "办理地点",
    "办理时间",
    "咨询电话",
    "监督投诉电话",
    "收费标准",
    "材料名称",
    "必要性",
    "纸质材料份数",
    "来源渠道",
    "审查标准",
]
HALL = "綦江区行政服务中心（文龙街道通惠大道88号）"
HOURS = "工作日 9:00-12:00，14:00-17:30"
ONE_ROW_MATTERS = [
    # 事项 … , then its materials: (名称, 必要性, 份数, 来源)
    (
        [
            "就业登记",
            "500110-RSJ-JYDJ",
            "公共服务",
            "区人力社保局",
            "500110-RSJ",
            "区县级、乡镇（街道）级",
            "5个工作日",
            "即办",
            "即办件",
            "1",
            "须核验本人身份证原件",
            HALL,
            HOURS,
            "023-48661201",
            "023-48661299",
            "不收费",
        ],
        [("居民身份证", "必要", "1", "申请人自备"), ("劳动合同或用工证明", "非必要", "1", "申请人自备")],
    ),
    (
        [
            "高龄津贴申领",
            "500110-MZJ-GLJT",
            "行政给付",
            "区民政局",
            "500110-MZJ",
            "四级",
            "二十个工作日",
            "10个工作日",
            "承诺件",
            "0",
            "",
            HALL,
            HOURS,
            "023-48662301",
            "023-48662399",
            "免费",
        ],
        [("高龄津贴申请表", "必要", "1", "申请人自备"), ("居民户口簿", "必要", "1", "政府部门核发")],
    ),
    (
        [
            "城乡居民基本养老保险参保登记",
            "500110-RSJ-CXJMYL-DJ",
            "公共服务",
            "区人力社保局",
            "500110-RSJ",
            "乡镇（街道）级、村（社区）级",
            "即办",
            "即办",
            "即办件",
            "0",
            "",
            "各镇街便民服务中心",
            HOURS,
            "023-48661202",
            "023-48661299",
            "不收费",
        ],
        [],
    ),
]

TWO_ROW_TOP = [
    "序号",
    "事项名称",
    "实施编码",
    "事项类型",
    "实施主体",
    "实施主体编码",
    "行使层级",
    "办理时限",
    None,
    "办件类型",
    "联系方式",
    None,
    "办理地点",
    "收费标准",
    "申请材料",
]
TWO_ROW_SUB = [None] * 7 + [
    "法定办结时限",
    "承诺办结时限",
    None,
    "咨询电话",
    "监督投诉电话",
    None,
    None,
    None,
]
TWO_ROW_MATTERS = [
    [
        "个体工商户设立登记",
        "500110-SCJGJ-GTGSH-SL",
        "行政许可",
        "区市场监管局",
        "500110-SCJGJ",
        "区县级、乡镇（街道）级",
        "15个工作日",
        "3个工作日",
        "承诺件",
        "023-48663101",
        "023-48663199",
        HALL,
        "不收费",
        "1.个体工商户登记（备案）申请书\n2.经营者身份证明\n3.经营场所使用证明复印件",
    ],
    [
        "出生医学证明首次签发",
        "500110-WJW-CSYXZM",
        "行政确认",
        "区卫生健康委",
        "500110-WJW",
        "区级",
        "二十个工作日",
        "即办",
        "即办件",
        "023-48664101",
        "023-48664199",
        "区妇幼保健院出生证明办理窗口",
        "免费",
        "1、出生医学证明首次签发申请表 2、母亲居民身份证原件 3、父亲居民身份证原件",
    ],
]


def one_row_sheet() -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "实施清单"
    sheet.append(["重庆市綦江区政务服务事项实施清单（2026年版）"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(ONE_ROW_HEADER))
    sheet.append(["填报单位：綦江区政务服务管理办公室", None, None, None, None, "更新日期：2026年11月"])
    sheet.append(ONE_ROW_HEADER)
    for number, (own, materials) in enumerate(ONE_ROW_MATTERS, start=1):
        for material in materials or [("", "", "", "")]:
            sheet.append([number, *own, *material, "按国家标准"])
    return book


def two_row_sheet() -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "实施清单"
    sheet.append(["綦江区政务服务事项实施清单"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(TWO_ROW_TOP))
    sheet.append(TWO_ROW_TOP)
    sheet.append(TWO_ROW_SUB)
    for column, (top, sub) in enumerate(zip(TWO_ROW_TOP, TWO_ROW_SUB, strict=True), start=1):
        if top is not None and sub is None:  # a heading without sub-headings is merged down both rows
            sheet.merge_cells(start_row=2, start_column=column, end_row=3, end_column=column)
    sheet.merge_cells(start_row=2, start_column=8, end_row=2, end_column=9)  # 办理时限
    sheet.merge_cells(start_row=2, start_column=11, end_row=2, end_column=12)  # 联系方式
    for number, matter in enumerate(TWO_ROW_MATTERS, start=1):
        sheet.append([number, *matter])
    return book


if __name__ == "__main__":
    one_row_sheet().save(ONE_ROW)
    two_row_sheet().save(TWO_ROWS)
