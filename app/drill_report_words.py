"""The words of the after-action report. The report is a Chinese document whatever the seat's language
(it goes into the training records), so its source words are Chinese; they still pass through the
"DrillReport" translation context, where another language could be given."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_WORDS = {
    "title": QT_TRANSLATE_NOOP("DrillReport", "演练复盘报告"),
    "scenario": QT_TRANSLATE_NOOP("DrillReport", "演练科目"),
    "level": QT_TRANSLATE_NOOP("DrillReport", "层级"),
    "theme": QT_TRANSLATE_NOOP("DrillReport", "主题"),
    "date": QT_TRANSLATE_NOOP("DrillReport", "演练日期"),
    "trainer": QT_TRANSLATE_NOOP("DrillReport", "导调员"),
    "drill": QT_TRANSLATE_NOOP("DrillReport", "演练编号"),
    "duration": QT_TRANSLATE_NOOP("DrillReport", "时长（想定/实际）"),
    "speed": QT_TRANSLATE_NOOP("DrillReport", "倍速"),
    "injects": QT_TRANSLATE_NOOP("DrillReport", "已触发事件"),
    "state": QT_TRANSLATE_NOOP("DrillReport", "状态"),
    "timeline_chart": QT_TRANSLATE_NOOP("DrillReport", "各席位处置时间线"),
    "scores": QT_TRANSLATE_NOOP("DrillReport", "学员成绩"),
    "trainee": QT_TRANSLATE_NOOP("DrillReport", "学员"),
    "seat": QT_TRANSLATE_NOOP("DrillReport", "席位"),
    "total": QT_TRANSLATE_NOOP("DrillReport", "总分"),
    "area": QT_TRANSLATE_NOOP("DrillReport", "评分项"),
    "points": QT_TRANSLATE_NOOP("DrillReport", "得分"),
    "deductions": QT_TRANSLATE_NOOP("DrillReport", "扣分明细"),
    "lost": QT_TRANSLATE_NOOP("DrillReport", "扣分"),
    "reason": QT_TRANSLATE_NOOP("DrillReport", "原因"),
    "no_deductions": QT_TRANSLATE_NOOP("DrillReport", "无扣分。"),
    "no_scores": QT_TRANSLATE_NOOP("DrillReport", "本次演练没有学员成绩。"),
    "events": QT_TRANSLATE_NOOP("DrillReport", "事件时间线"),
    "time": QT_TRANSLATE_NOOP("DrillReport", "时间"),
    "who": QT_TRANSLATE_NOOP("DrillReport", "人员"),
    "what": QT_TRANSLATE_NOOP("DrillReport", "事件"),
    "details": QT_TRANSLATE_NOOP("DrillReport", "说明"),
    "engine": QT_TRANSLATE_NOOP("DrillReport", "导调"),
    "generated": QT_TRANSLATE_NOOP("DrillReport", "生成于 {at}"),
    "running": QT_TRANSLATE_NOOP("DrillReport", "进行中"),
    "paused": QT_TRANSLATE_NOOP("DrillReport", "已暂停"),
    "ended": QT_TRANSLATE_NOOP("DrillReport", "已结束"),
    # the scenario's level and theme
    "district": QT_TRANSLATE_NOOP("DrillReport", "区"),
    "town": QT_TRANSLATE_NOOP("DrillReport", "镇"),
    "village": QT_TRANSLATE_NOOP("DrillReport", "村"),
    "grid": QT_TRANSLATE_NOOP("DrillReport", "网格"),
    "public_safety": QT_TRANSLATE_NOOP("DrillReport", "公共安全"),
    "city_management": QT_TRANSLATE_NOOP("DrillReport", "城市管理"),
    "epidemic": QT_TRANSLATE_NOOP("DrillReport", "疫情防控"),
    "river": QT_TRANSLATE_NOOP("DrillReport", "长江大保护"),
    "hazmat": QT_TRANSLATE_NOOP("DrillReport", "危化品"),
    "group_rental": QT_TRANSLATE_NOOP("DrillReport", "群租房"),
    # the timeline chart: its injects' row and the legend (widgets.drill_timeline_chart.CATEGORIES)
    "chart.engine": QT_TRANSLATE_NOOP("DrillReport", "导调事件"),
    "chart.inject": QT_TRANSLATE_NOOP("DrillReport", "注入"),
    "chart.call": QT_TRANSLATE_NOOP("DrillReport", "来电"),
    "chart.case": QT_TRANSLATE_NOOP("DrillReport", "登记"),
    "chart.dispatch": QT_TRANSLATE_NOOP("DrillReport", "派单"),
    "chart.merge": QT_TRANSLATE_NOOP("DrillReport", "合并"),
    "chart.alert": QT_TRANSLATE_NOOP("DrillReport", "预警"),
    "chart.other": QT_TRANSLATE_NOOP("DrillReport", "其他"),
    # rubric areas
    "call_control": QT_TRANSLATE_NOOP("DrillReport", "接听控制"),
    "information": QT_TRANSLATE_NOOP("DrillReport", "信息采集"),
    "classification": QT_TRANSLATE_NOOP("DrillReport", "分类"),
    "location": QT_TRANSLATE_NOOP("DrillReport", "定位"),
    "dispatch": QT_TRANSLATE_NOOP("DrillReport", "派单"),
    "duplicates": QT_TRANSLATE_NOOP("DrillReport", "重复件处理"),
    "alerts": QT_TRANSLATE_NOOP("DrillReport", "预警处置"),
    "timing": QT_TRANSLATE_NOOP("DrillReport", "派单时效"),
    # log entry kinds
    "inject.call": QT_TRANSLATE_NOOP("DrillReport", "来电呼入"),
    "inject.report": QT_TRANSLATE_NOOP("DrillReport", "渠道上报"),
    "inject.readings": QT_TRANSLATE_NOOP("DrillReport", "感知数据"),
    "inject.cap": QT_TRANSLATE_NOOP("DrillReport", "CAP 预警"),
    "inject.department_response": QT_TRANSLATE_NOOP("DrillReport", "部门响应"),
    "inject.radio": QT_TRANSLATE_NOOP("DrillReport", "对讲"),
    "inject.message": QT_TRANSLATE_NOOP("DrillReport", "消息"),
    "inject.skipped": QT_TRANSLATE_NOOP("DrillReport", "事件未触发"),
    "call.answered": QT_TRANSLATE_NOOP("DrillReport", "接听来电"),
    "call.ended": QT_TRANSLATE_NOOP("DrillReport", "通话结束"),
    "call.abandoned": QT_TRANSLATE_NOOP("DrillReport", "来电放弃"),
    "case.created": QT_TRANSLATE_NOOP("DrillReport", "登记工单"),
    "case.dispatched": QT_TRANSLATE_NOOP("DrillReport", "派单"),
    "case.merged": QT_TRANSLATE_NOOP("DrillReport", "合并重复件"),
    "case.transition": QT_TRANSLATE_NOOP("DrillReport", "工单流转"),
    "alert.acked": QT_TRANSLATE_NOOP("DrillReport", "确认预警"),
    "alert.linked": QT_TRANSLATE_NOOP("DrillReport", "预警关联工单"),
    "intake.taken": QT_TRANSLATE_NOOP("DrillReport", "受理渠道上报"),
    "drill.started": QT_TRANSLATE_NOOP("DrillReport", "演练开始"),
    "drill.paused": QT_TRANSLATE_NOOP("DrillReport", "演练暂停"),
    "drill.resumed": QT_TRANSLATE_NOOP("DrillReport", "演练继续"),
    "drill.speed": QT_TRANSLATE_NOOP("DrillReport", "调整倍速"),
    "drill.ended": QT_TRANSLATE_NOOP("DrillReport", "演练结束"),
}


def word(key: str) -> str:
    """The report's word for ``key`` (an area, a log kind or a heading): a case's other steps (case.accept,
    …) are "工单流转"; an unknown key shows as is."""
    source = _WORDS.get(key)
    if source is None and key.startswith("case."):
        source = _WORDS["case.transition"]
    return key if source is None else QCoreApplication.translate("DrillReport", str(source))


# The report's legend of the timeline chart, in the order of widgets.drill_timeline_chart.CATEGORIES.
CHART_CATEGORIES = (
    "chart.inject",
    "chart.call",
    "chart.case",
    "chart.dispatch",
    "chart.merge",
    "chart.alert",
    "chart.other",
)
