"""The crash-log offer at the next start (the organisation tree: test_org_tree.py)."""

from __future__ import annotations

from apv_desktop.ui.crashlog import CrashLog, offer_previous_crashes

DEAD_PID = 4_000_000  # above Linux's pid_max: no process has it


def test_a_crash_log_left_by_a_dead_process_is_offered_once(tmp_path, message_log):
    folder = tmp_path / "crash"
    folder.mkdir()
    (folder / f"crash-{DEAD_PID}.log").write_text("Fatal Python error: Segmentation fault\n")
    (folder / "crash-4000001.log").write_text("")  # a clean run that did not tidy up
    log = CrashLog(folder)
    log.start()
    try:
        assert offer_previous_crashes(None, log)
        assert message_log.shown[0].title == "APV Desktop stoppede uventet"
        assert "Segmentation fault" in message_log.shown[0].details
        assert not offer_previous_crashes(None, log)  # cleared after it was shown
        assert len(message_log.shown) == 1
        assert [p.name for p in folder.iterdir()] == [log.path.name]
    finally:
        log.stop()
    assert not log.path.exists()
