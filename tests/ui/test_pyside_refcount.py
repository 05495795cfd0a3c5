"""Qt bindings that lose references crash a long session: PySide6 6.12.0 dropped a reference to `None` on
every setter called from CPython 3.11, and once `None` reached zero the process aborted (a few hundred
code-tree reloads). This guards the locked release and any later one."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel, QTreeWidgetItem


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_setters_and_getters_keep_none_alive(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    item = QTreeWidgetItem(["a"])
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")
        item.setText(0, "y")
        item.data(0, 0)
    assert sys.getrefcount(None) >= before - 10
