"""CAP 1.2 parsing: realistic Chinese messages become drafts; malformed XML, entity attacks and schema
violations are refused with reasons that name the element."""

from __future__ import annotations

import pytest

from backend.alerts.cap_parse import parse_cap
from backend.alerts.cap_xml import MAX_XML_BYTES, CapInvalid, CapTooLarge
from tests.backend.test_alert_support import cap_alert, sample


def reason(xml: str | bytes) -> str:
    with pytest.raises(CapInvalid) as caught:
        parse_cap(xml)
    return caught.value.reason


def test_rainstorm_polygon_takes_the_chinese_info_block() -> None:
    message = parse_cap(sample("rainstorm_red.xml"))
    draft = message.draft
    assert (draft.identifier, draft.sender, draft.msg_type, draft.status) == (
        "JBQX-20260701-0012",
        "met-office@jiangbin.gov.cn",
        "Alert",
        "Actual",
    )
    assert draft.sent == 1782885900.0  # 2026-07-01T14:05:00+08:00
    assert draft.language == "zh-CN" and draft.event == "暴雨"
    assert draft.headline == "江滨示范区气象台发布暴雨红色预警信号"
    assert (draft.urgency, draft.severity, draft.certainty) == ("Immediate", "Extreme", "Likely")
    assert draft.response_types == ["Prepare", "Avoid"] and draft.categories == ["Met"]
    assert draft.sender_name == "江滨示范区气象台" and draft.instruction.startswith("停止户外作业")
    assert draft.expires == 1782907200.0
    [area] = draft.areas
    assert area.area_desc == "临江街道滨江社区、望江社区沿江一带"
    assert len(area.polygons[0]) == 6 and area.polygons[0][0] == area.polygons[0][-1] == (31.3206, 120.5342)
    assert draft.lat == pytest.approx(31.3339, abs=1e-3) and draft.lon == pytest.approx(120.5467, abs=1e-3)
    assert draft.grid_code is None and draft.evidence == []  # a plain parameter is not evidence
    assert draft.source == "cap" and draft.cap_xml is not None and "暴雨红色预警" in draft.cap_xml


def test_hazmat_circle_places_the_alert_at_the_centre() -> None:
    draft = parse_cap(sample("hazmat_leak.xml")).draft
    [area] = draft.areas
    assert area.circles[0].radius_km == 1.0 and (draft.lat, draft.lon) == (31.3105, 120.612)
    assert draft.categories == ["CBRNE", "Safety"] and draft.event == "危化品泄漏"


def test_grid_geocode_gives_the_unit_code() -> None:
    draft = parse_cap(sample("gas_grid.xml").encode("utf-8")).draft
    assert draft.grid_code == "32099900100101" and (draft.lat, draft.lon) == (None, None)
    assert draft.areas[0].geocodes[0].value_name == "grid" and draft.scope == "Restricted"


def test_update_and_cancel_carry_their_references() -> None:
    update = parse_cap(sample("rainstorm_update.xml"))
    assert [r.identifier for r in update.references] == ["JBQX-20260701-0012"]
    assert update.ref.text == "met-office@jiangbin.gov.cn,JBQX-20260701-0015,2026-07-01T16:00:00+08:00"
    cancel = parse_cap(sample("rainstorm_cancel.xml"))
    assert cancel.draft.msg_type == "Cancel" and not cancel.has_info
    assert cancel.references[0].identifier == "JBQX-20260701-0015"


def test_a_declared_multibyte_encoding_is_read() -> None:
    xml = '<?xml version="1.0" encoding="GB2312"?>\n' + cap_alert(headline="燃气泄漏")
    assert parse_cap(xml.encode("gb2312")).draft.headline == "燃气泄漏"


def test_malformed_xml_says_where() -> None:
    assert reason("<alert><identifier>x</alert>").startswith("not well-formed XML: mismatched tag: line 1")
    assert reason(b"<alert>\xff</alert>") == "the XML is not valid utf-8 text (byte 7)"
    declared = b'<?xml version="1.0" encoding="x-foo"?><alert/>'
    assert reason(declared) == "the XML declares the unknown encoding 'x-foo'"


def test_external_entities_and_dtds_are_refused() -> None:
    xxe = '<?xml version="1.0"?><!DOCTYPE alert [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + cap_alert(
        headline="&xxe;"
    )
    assert "DTD" in reason(xxe) and "refused" in reason(xxe)
    bomb = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><lolz>&lol2;</lolz>'
    assert reason(bomb) == "the XML declares a DTD (<!DOCTYPE lolz>); DTDs and entities are refused"


def test_schema_violations_name_the_element() -> None:
    assert reason(cap_alert(urgency="Soon")) == (
        "info/urgency: 'Soon' is not one of Immediate, Expected, Future, Past, Unknown"
    )
    assert reason(cap_alert(sent="2026-13-01T10:00:00+08:00")).startswith(
        "sent: '2026-13-01T10:00:00+08:00' is not a date-time with a time zone"
    )
    assert reason(cap_alert(sent="2026-07-01T10:00:00Z")).startswith(
        "sent: '2026-07-01T10:00:00Z' is not a date-time with a time zone"
    )
    assert reason(cap_alert(sent="2026-07-01T10:00:00.5+08:00")).startswith("sent: ")
    assert reason(cap_alert(status="Real")).startswith("status: 'Real' is not one of Actual, Exercise")
    missing = cap_alert().replace("<identifier>T-1</identifier>", "")
    assert reason(missing).startswith("alert: Unexpected child with tag 'cap:sender'")
    no_category = cap_alert().replace("<category>Safety</category>", "")
    assert reason(no_category).startswith("info: ")


def test_not_a_cap_alert() -> None:
    assert reason("<foo xmlns='urn:x'/>") == "not a CAP 1.2 alert: root element is {urn:x}foo"
    old = cap_alert().replace("cap:1.2", "cap:1.1")
    assert reason(old) == "not a CAP 1.2 alert: root element is {urn:oasis:names:tc:emergency:cap:1.1}alert"


def test_what_the_schema_allows_but_the_center_refuses() -> None:
    assert reason(cap_alert(status="Draft")).startswith("status: 'Draft' messages are not taken in")
    assert reason(cap_alert(msg_type="Ack")).startswith("msgType: 'Ack' messages are not taken in")
    assert reason(cap_alert(info=False)) == "info: an Alert message must carry an info block"
    assert "contains a space" in reason(cap_alert("T 1"))
    assert (
        reason(cap_alert(msg_type="Update", references="a,b"))
        == "references: 'a,b' is not 'sender,identifier,sent'"
    )


AREAS = [
    ("<polygon>31.1,120.1 31.2,120.2 31.1,120.3</polygon>", "a polygon needs at least 4 points"),
    (
        "<polygon>31.1,120.1 31.2,120.2 31.1,120.3 31.0,120.1</polygon>",
        "the ring is not closed (the first point 31.1,120.1 is not the last 31.0,120.1)",
    ),
    ("<polygon>31.1,120.1 95,120.2 31.1,120.3 31.1,120.1</polygon>", "latitude 95 is outside -90..90"),
    ("<polygon>31.1;120.1 31.2 31.3 31.4</polygon>", "'31.1;120.1' is not a point 'lat,lon'"),
    ("<circle>31.3,120.6</circle>", "'31.3,120.6' is not a circle 'lat,lon radius_km'"),
    ("<circle>31.3,120.6 -2</circle>", "the radius '-2' is not a number of kilometres"),
    ("<circle>31.3,abc 2</circle>", "is not a point 'lat,lon' of numbers"),
]


@pytest.mark.parametrize(("geometry", "expected"), AREAS)
def test_bad_areas_are_refused(geometry: str, expected: str) -> None:
    xml = cap_alert(extra_info=f"<area><areaDesc>某地</areaDesc>{geometry}</area>")
    found = reason(xml)
    assert found.startswith("info/area/") and expected in found


def test_bad_evidence_parameter() -> None:
    param = "<parameter><valueName>evidence:水</valueName><value>lots</value></parameter>"
    assert reason(cap_alert(extra_info=param)).startswith(
        "info/parameter evidence:水: the value is not an evidence"
    )


def test_size_limit() -> None:
    padding = "<description>" + "雨" * (MAX_XML_BYTES // 3 + 10) + "</description>"
    with pytest.raises(CapTooLarge) as caught:
        parse_cap(cap_alert(extra_info=padding))
    assert caught.value.reason == "the XML is larger than the limit of 512 KiB"
