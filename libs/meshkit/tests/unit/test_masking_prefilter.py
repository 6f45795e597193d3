"""``mask`` skips the passes when its prefilter finds nothing, and masks exactly as the passes alone did: the
function below is ``mask`` as it was before the prefilter, the reference every case is compared against."""

import datetime as dt
import random
import re
import uuid

import pytest
from stdnum.cn import ric, uscc

from meshkit import masking
from meshkit.masking import mask, redact, scrub_database_text

pytestmark = pytest.mark.unit


def _full_passes(text: str) -> str:
    """``mask`` before the prefilter: every pass over every string."""
    text = scrub_database_text(text)
    text = masking._PASSWORD_HASH.sub(lambda m: m.group(0).split("$", 2)[1].join(("$", "$[hidden]")), text)
    text = masking._JWT.sub("eyJ…[token hidden]", text)
    return redact(text)


_RNG_SEED = 20261207
# region codes of the address, Qijiang first
_REGIONS = ("500222", "500110", "500101", "110101", "310101", "440305", "510104", "650102")
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
# other decimal digits (full-width, Arabic-Indic): \d in _PII takes them where it stands
_OTHER_DIGITS = ("０１２３４５６７８９", "٠١٢٣٤٥٦٧٨٩")
_AROUND = ["", "\n", "申请人", *" ，。()'\".,:=/-_+#aZx7é١"]  # what stands before or after a secret


def _id_number(rng: random.Random) -> str:
    birth = dt.date(1920, 1, 1) + dt.timedelta(days=rng.randrange(365 * 105))
    body = f"{rng.choice(_REGIONS)}{birth:%Y%m%d}{rng.randrange(1000):03d}"
    number = body + ric.calc_check_digit(body)  # a real check digit, "X" about one time in eleven
    assert ric.get_birth_date(number) == birth
    return number


def _credit_code(rng: random.Random) -> str:
    body = "".join(rng.choice(_USCC_CHARS) for _ in range(2)) + f"{rng.randrange(10**6):06d}"
    body += "".join(rng.choice(_USCC_CHARS) for _ in range(9))
    return body + uscc.calc_check_digit(body)


def _phone(rng: random.Random) -> str:
    number = f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
    return rng.choice(["", "86", "+86"]) + number


def _jwt(rng: random.Random) -> str:
    def part() -> str:
        return "".join(
            rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") for _ in range(12)
        )

    return f"eyJ{part()}.eyJ{part()}.{part() if rng.random() < 0.8 else ''}"


def _password_hash(rng: random.Random) -> str:
    salt = "".join(rng.choice("abcdefABCDEF0123456789+/") for _ in range(16))
    return rng.choice(
        [
            f"$argon2id$v=19$m=65536,t=3,p=4${salt}${salt[::-1]}",
            f"$argon2i$v=19$m=4096,t=3,p=1${salt}${salt}",
            f"$argon2d$v=19${salt}",
            f"$2b$12${salt}{salt}",
            f"$2y$10${salt}",
            f"$scrypt$ln=16,r=8,p=1${salt}",
            f"$pbkdf2-sha256$29000${salt}",
        ]
    )


def _secret(rng: random.Random) -> str:
    kind = rng.randrange(6)
    if kind == 0:
        number = _id_number(rng)
        return number.lower() if rng.random() < 0.2 else number
    if kind == 1:
        return _credit_code(rng)
    if kind == 2:
        return _phone(rng)
    if kind == 3:
        return _jwt(rng)
    if kind == 4:
        return _password_hash(rng)
    # the places _PII reads with \d: ID number 2-6 and 11-17, credit code 3-8, phone 3-11 (after any 86)
    make, places = rng.choice(
        [(_id_number, [*range(1, 6), *range(10, 17)]), (_credit_code, range(2, 8)), (_phone, None)]
    )
    number = make(rng)
    if places is None:
        places = range(len(number) - 9, len(number))
    digits = rng.choice(_OTHER_DIGITS)
    chars = list(number)
    for place in places:
        if rng.random() < 0.5:
            chars[place] = digits[int(chars[place])]
    return "".join(chars)


def _database_echo(rng: random.Random, value: str) -> str:
    return rng.choice(
        [
            f"[parameters: ('{value}', 3)]",
            f"x\n[parameters: ('{value}',)]\n(Background on this error at: https://sqlalche.me)",
            f"DETAIL:  Key (id_hash)=({value}) already exists.",
            f'DETAIL:  Key (a, b)=({value}, 1) is not present in table "t".\nnext line',
            f"DETAIL:  Failing row contains (1, {value}, null).",
            f"invalid input for query argument $2: '{value}' (expected str, got int)",
            f"invalid input for query argument $12 of something: {value}",
            f"query argument $1: {value} (too long)",
            f'invalid input syntax for type uuid: "{value}"',
            f'invalid input value for enum kind: "{value}"',
            f'malformed array literal: "{value}"',
            f'value "{value}" is out of range for type integer',
        ]
    )


def _near_miss(rng: random.Random) -> str:
    """Shaped like a personal number but (mostly) not one, a literal cut short, an id of the mesh."""
    kind = rng.randrange(6)
    if kind == 0:
        return str(rng.randrange(10 ** rng.randrange(5, 22)))
    if kind == 1:
        length = rng.choice([10, 11, 12, 13, 17, 18, 19])
        return "".join(rng.choice("0123456789ABCDEFXYZ") for _ in range(length))
    if kind == 2:
        return rng.choice([_hex_id(rng), _hex_id(rng).upper(), str(uuid.UUID(int=rng.getrandbits(128)))])
    if kind == 3:
        return rng.choice(["$", "$2", "$argon", "eyJ", "ey", "Key", "Key(", "value", 'value "', "malformed"])
    return rng.choice(
        ["[parameters:", "Failing row contains", "query argument", "invalid input", " is out of"]
    )


def _hex_id(rng: random.Random) -> str:
    """A request or trace id."""
    return f"{rng.getrandbits(128):032x}"


def _random_text(rng: random.Random) -> str:
    pieces: list[str] = []
    for _ in range(rng.randrange(1, 7)):
        roll = rng.random()
        if roll < 0.3:
            pieces.append(_secret(rng))
        elif roll < 0.45:
            pieces.append(_database_echo(rng, _secret(rng) if rng.random() < 0.7 else _near_miss(rng)))
        elif roll < 0.7:
            pieces.append(_near_miss(rng))
        elif roll < 0.85:
            pieces.append(rng.choice(_AROUND))
        else:
            pieces.append(
                "".join(
                    rng.choice("0123456789abcXYZ $\"'()：，+\n中文٣") for _ in range(rng.randrange(1, 30))
                )
            )
    return "".join(pieces)


def _corpus() -> list[str]:
    rng = random.Random(_RNG_SEED)
    cases: list[str] = []
    for make in (_id_number, _credit_code, _phone, _jwt, _password_hash, _secret):
        for _ in range(40):
            secret = make(rng)
            before, after = rng.choice(_AROUND), rng.choice(_AROUND)
            cases += [
                secret,
                f"{before}{secret}{after}",
                f"申请人{secret}提交",
                f"value {secret}, next",
                f"{secret}。",
            ]
    for _ in range(200):
        cases.append(_database_echo(rng, _secret(rng)))
    for _ in range(300):
        cases.append(_near_miss(rng))
    for _ in range(3000):
        cases.append(_random_text(rng))
    cases += [
        "request",
        "GET /catalog/resources/42 answered 200 in 3.1 ms for caller x",
        "申请人 50022219900307123X 提交",
        "credit 91500110MA5U4XL21T ok",
        "phone 13812345678.",
        "case 2026112500001 took 12 ms",
    ]
    return cases


CORPUS = _corpus()


def test_mask_is_the_full_passes_on_every_case() -> None:
    differing = [text for text in CORPUS if mask(text) != _full_passes(text)]
    assert differing == []


def test_the_corpus_reaches_every_pattern() -> None:
    """Each pattern changes some case of the corpus, so a prefilter missing one fails the test above."""
    patterns = [masking._PII, masking._PASSWORD_HASH, masking._JWT, *(p for p, _ in masking._DATABASE_ECHOES)]
    for pattern in patterns:
        assert sum(1 for text in CORPUS if pattern.search(text)) >= 20, pattern.pattern
    changed = sum(1 for text in CORPUS if _full_passes(text) != text)
    assert changed > len(CORPUS) // 3


@pytest.mark.parametrize(
    "text",
    [
        "3f9a1c0e5b7d48e2a6c4f1b09d8e7a25",
        "3F9A1C0E5B7D48E2A6C4F1B09D8E7A25",
        "12345678901234567890123456789012",
        "00-3f9a1c0e5b7d48e2a6c4f1b09d8e7a25-a6c4f1b09d8e7a25-01",
        "5b7d48e2-a6c4-4f1b-9d8e-123456789012",
        "request",
        "GET /catalog/resources/42 answered 200 in 3.1 ms for caller x",
    ],
)
def test_ids_and_plain_messages_take_one_scan(text: str) -> None:
    assert masking._MAY_MATCH.search(text) is None
    assert mask(text) is text


def test_prefilter_branches_each_matter() -> None:
    """Dropping any one branch of the prefilter makes some case of the corpus come out unmasked."""
    source = masking._MAY_MATCH.pattern
    branches = re.split(r"\|(?![^(]*\))", source)
    assert "|".join(branches) == source
    assert len(branches) >= 10
    for index in range(len(branches)):
        weaker = re.compile("|".join(branches[:index] + branches[index + 1 :]))
        missed = [text for text in CORPUS if weaker.search(text) is None and _full_passes(text) != text]
        assert missed, branches[index]
