"""The pure rules of one-time codes: their form, their keyed hash, and when the next one may be sent."""

from datetime import UTC, datetime, timedelta

from identity.domain.phone_codes import CodePurpose, SendingLimits, code_hash, new_code, wait_before_sending

NOW = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
LIMITS = SendingLimits(interval=timedelta(seconds=60), per_number=5, per_source=20)


def test_codes_are_six_digits_and_their_hash_is_keyed() -> None:
    code = new_code()
    assert len(code) == 6
    assert code.isdigit()
    first = code_hash("secret-one", purpose=CodePurpose.REGISTER, phone_lookup="p", code="123456")
    assert first != code_hash("secret-two", purpose=CodePurpose.REGISTER, phone_lookup="p", code="123456")
    assert first != code_hash("secret-one", purpose=CodePurpose.LOGIN, phone_lookup="p", code="123456")
    assert first != code_hash("secret-one", purpose=CodePurpose.REGISTER, phone_lookup="q", code="123456")


def test_a_first_code_may_be_sent() -> None:
    assert wait_before_sending(LIMITS, now=NOW, to_number=[], from_source=[]) is None


def test_one_code_a_minute_to_a_number() -> None:
    sent = [NOW - timedelta(seconds=20)]
    assert wait_before_sending(LIMITS, now=NOW, to_number=sent, from_source=sent) == 40
    later = [NOW - timedelta(seconds=61)]
    assert wait_before_sending(LIMITS, now=NOW, to_number=later, from_source=later) is None


def test_a_few_codes_an_hour_to_a_number_then_wait_for_the_oldest() -> None:
    sent = [NOW - timedelta(minutes=m) for m in (50, 40, 30, 20, 10)]
    assert wait_before_sending(LIMITS, now=NOW, to_number=sent, from_source=[]) == 10 * 60
    old = [NOW - timedelta(minutes=m) for m in (70, 40, 30, 20, 10)]  # one left the hour
    assert wait_before_sending(LIMITS, now=NOW, to_number=old, from_source=[]) is None


def test_a_source_asking_for_many_numbers_waits() -> None:
    asked = [NOW - timedelta(minutes=59, seconds=30)] + [NOW - timedelta(minutes=1)] * 19
    assert wait_before_sending(LIMITS, now=NOW, to_number=[], from_source=asked) == 30
