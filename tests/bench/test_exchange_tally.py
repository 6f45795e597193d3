"""The reads benchmark counts as decided only what the exchange decided (issue 21): a read the gateway refused at
admission (503 upstream_busy) or a rate limit (429) never reached a decision and has no log entry to expect."""

from __future__ import annotations

from bench.exchange import Tally


def test_only_reads_the_exchange_decided_are_expected_in_the_log() -> None:
    tally = Tally()
    tally.record(200, None)  # warm-up: before the log was counted
    tally.phase = "closed"
    tally.record(200, None)
    tally.record(404, {"code": "record_not_found", "access_log_id": "e1"})  # decided: logged
    tally.record(403, {"code": "not_granted", "access_log_id": "e2"})  # refused: logged too
    tally.record(503, {"code": "upstream_busy"})  # the gateway's admission control: never forwarded
    tally.record(429, {"code": "rate_limited"})  # refused before any decision
    tally.phase = "paced"
    tally.record(503, {"code": "upstream_busy"})
    tally.record(504, {"code": "upstream_timeout"})  # the exchange may or may not have decided it
    assert tally.measured(tally.decided) == 3
    assert tally.measured(tally.undetermined) == 1
    assert tally.non_200("closed") == {
        "403 not_granted": 1,
        "404 record_not_found": 1,
        "429 rate_limited": 1,
        "503 upstream_busy": 1,
    }
    assert tally.non_200("paced") == {"503 upstream_busy": 1, "504 upstream_timeout": 1}
