"""The task runner: one worker, in order, results back on the GUI thread, plain errors."""

from __future__ import annotations

import logging
import threading
import time

import pytest

from app.errors import ValidationError
from app.ui.tasks import TaskRunner


@pytest.fixture
def runner():
    runner = TaskRunner()
    yield runner
    runner.shutdown(wait=True)


def test_jobs_run_off_the_gui_thread_in_order_and_report_back_on_it(qtbot, runner):
    gui = threading.get_ident()
    ran_on: list[int] = []
    delivered: list[tuple[int, int]] = []

    def job(number: int) -> int:
        ran_on.append(threading.get_ident())
        time.sleep(0.01 if number == 0 else 0)  # the first is slowest; order must hold
        return number

    for number in range(5):
        runner.run(
            job,
            number,
            on_done=lambda value: delivered.append((value, threading.get_ident())),
        )
    assert not runner.is_idle()
    with qtbot.waitSignal(runner.idle, timeout=5000):
        pass
    assert runner.is_idle()
    assert [value for value, _thread in delivered] == [0, 1, 2, 3, 4]
    assert {thread for _value, thread in delivered} == {gui}
    assert len(set(ran_on)) == 1 and gui not in ran_on


def test_jobs_never_overlap(qtbot, runner):
    inside = []
    overlaps = []

    def job() -> None:
        if inside:
            overlaps.append(True)
        inside.append(True)
        time.sleep(0.005)
        inside.pop()

    for _ in range(10):
        runner.run(job)
    assert runner.wait_idle(5000)
    assert overlaps == []


def test_a_refusal_reaches_on_error_in_its_own_words(qtbot, runner):
    messages: list[str] = []

    def refuse() -> None:
        raise ValidationError("Please give the group's name.")

    runner.run(refuse, on_done=lambda _v: messages.append("done?"), on_error=messages.append)
    assert runner.wait_idle(5000)
    assert messages == ["Please give the group's name."]


def test_a_fault_is_logged_and_reported_plainly(qtbot, runner, caplog):
    messages: list[str] = []

    def broken() -> None:
        raise ZeroDivisionError("secret detail")

    with caplog.at_level(logging.ERROR, logger="app.ui.tasks"):
        runner.run(broken, on_error=messages.append)
        assert runner.wait_idle(5000)
    assert len(messages) == 1
    assert "Nothing you had saved was lost" in messages[0]
    assert "ZeroDivisionError" not in messages[0] and "secret" not in messages[0]
    assert any(record.exc_info for record in caplog.records)


def test_a_failure_with_no_on_error_goes_to_the_failed_signal(qtbot, runner):
    def refuse() -> None:
        raise ValidationError("That group no longer exists.")

    with qtbot.waitSignal(runner.failed, timeout=5000) as signal:
        runner.run(refuse)
    assert signal.args == ["That group no longer exists."]


def test_after_shutdown_nothing_more_is_delivered_or_accepted(qtbot):
    runner = TaskRunner()
    delivered = []
    runner.run(lambda: 1, on_done=delivered.append)
    runner.shutdown(wait=True)
    qtbot.wait(50)
    assert delivered == []
    with pytest.raises(RuntimeError):
        runner.run(lambda: 2)


def test_only_the_gui_thread_collects_cycles_while_a_worker_exists(qtbot):
    import gc
    import threading

    from app.ui import collector

    enabled_before = gc.isenabled()
    runner = TaskRunner()
    try:
        assert not gc.isenabled()
        seen = []
        runner.run(lambda: seen.append(gc.isenabled()), on_done=lambda _r: None)
        qtbot.waitUntil(runner.is_idle)
        assert seen == [False]  # the worker thread cannot trigger a collection

        collected_on = []

        class Cycle:
            def __init__(self) -> None:
                self.me = self

            def __del__(self) -> None:
                collected_on.append(threading.current_thread() is threading.main_thread())

        for _ in range(gc.get_threshold()[0] + 10):
            Cycle()
        collector.collect_if_due()
        assert collected_on and all(collected_on)
    finally:
        runner.shutdown(wait=True)
    assert gc.isenabled() == enabled_before
