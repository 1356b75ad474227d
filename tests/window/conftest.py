"""What every window test shares."""

import pytest


@pytest.fixture(autouse=True)
def reads_waited_for(monkeypatch):
    """A list's read of a test's small database takes a few milliseconds, but a busy test
    machine (a garbage collection, another process) can hold it past the few frames the
    window waits before painting what it has: the tests wait for every read, as if it were
    read in place. The tests of reading in the background set their own wait."""
    from ui.widgets.paged_table_model import PagedTableModel

    monkeypatch.setattr(PagedTableModel, "WAIT_MS", 10_000)


@pytest.fixture
def window(qtbot, services, council):
    """The main window of a new council at a laptop's size, shown (a test module may
    define its own ``window``)."""
    from ui.window.main_window import MainWindow

    main = MainWindow(services)
    qtbot.addWidget(main)
    main.resize(1366, 740)
    main.show()
    qtbot.waitExposed(main)
    return main
