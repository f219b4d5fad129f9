"""pyqtgraph plots under our pinned PySide6 (6.12.0 aborted here); dashboards depend on it."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg


def test_pyqtgraph_plots_and_renders(qtbot: Any) -> None:
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    curve = widget.plot(list(range(24)), [h * h % 17 for h in range(24)])
    widget.resize(400, 300)
    widget.show()
    qtbot.waitExposed(widget)
    image = widget.grab().toImage()
    assert image.width() == 400
    x, y = curve.getData()
    assert x is not None and y is not None
    assert len(x) == 24
    assert y[5] == 25 % 17
