"""What no log line may carry: personal numbers, password hashes, tokens, and the values a database error echoes.

:func:`mask` is the one pass every log line goes through (``meshkit.observability.JsonFormatter``, message,
extra fields and traceback alike). It is a last line of defence: code logs ids, the engines hide statement
parameters (``meshkit.db.create_engine``), and what is left to catch is what the database and the drivers put
into their own error text.
"""

from __future__ import annotations

import re

__all__ = ["mask", "redact", "scrub_database_text"]

# Resident ID numbers (18 chars, last may be X), credit codes (18), mobile phones (11 digits starting 1, with or
# without the country code +86 / 86 in front).
_PII = re.compile(
    r"(?<![0-9A-Za-z])(?:[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]"
    r"|[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}"
    r"|(?:\+?86)?1[3-9]\d{9})(?![0-9A-Za-z])"
)
# argon2 (and bcrypt / scrypt style) password hashes: "$argon2id$v=19$m=...,t=...,p=...$salt$hash"
_PASSWORD_HASH = re.compile(r"\$(?:argon2(?:id|i|d)|2[abxy]|scrypt|pbkdf2[-\w]*)\$[A-Za-z0-9+/=$,.-]+")
# JWTs (access and ID tokens): three base64url parts, the first two JSON objects ("eyJ")
_JWT = re.compile(r"eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")

# What PostgreSQL and the drivers echo of the values in an error's text (asyncpg and psycopg alike append the
# DETAIL line to the message; SQLAlchemy appends the statement's parameters unless the engine hides them).
_DATABASE_ECHOES: tuple[tuple[re.Pattern[str], str], ...] = (
    # SQLAlchemy: "[parameters: ('…', '…')]" (one line: the parameters' repr)
    (re.compile(r"^\[parameters: .*$", re.MULTILINE), "[parameters hidden]"),
    # unique / foreign-key / exclusion violations: "Key (id_hash)=(…) already exists."
    (re.compile(r"(Key \(.*?\)=)\(.*$", re.MULTILINE), r"\1(…) [values hidden]"),
    # check and not-null violations: "Failing row contains (…)."
    (re.compile(r"(Failing row contains )\(.*$", re.MULTILINE), r"\1(…) [values hidden]"),
    # asyncpg refusing a parameter: "invalid input for query argument $3: '…' (reason)"
    (re.compile(r"(query argument \$\d+[^:\n]*: ).{1,48}?(?= \(|$)", re.MULTILINE), r"\1[value hidden]"),
    # PostgreSQL quoting the bad value: 'invalid input syntax for type uuid: "…"', 'malformed array literal: "…"'
    (
        re.compile(
            r"((?:invalid input (?:syntax|value) for [^:\n]*|malformed [a-z ]+ literal): )\".*$", re.M
        ),
        r'\1"…" [value hidden]',
    ),
    (re.compile(r"(value )\".*?\"( is out of range)"), r'\1"…"\2'),
)


# The prefilter of :func:`mask`: it matches wherever any pattern above can match, so a string it finds nothing in
# would come out of every pass unchanged (each pass sees the input as it is when the ones before found nothing).
# None of the patterns ignores case. Why it is a superset, pattern by pattern:
# - _DATABASE_ECHOES: each match contains a literal of its own: "[parameters: ", "Key (", "Failing row contains (",
#   "query argument $", "invalid input " or "malformed ", 'value "'.
# - _PASSWORD_HASH starts with "$argon2", "$2a"/"$2b"/"$2x"/"$2y", "$scrypt" or "$pbkdf2"; _JWT with "eyJ".
# - _PII: every match is an optional "+" then a run B with no ASCII letter or digit right before or after it
#   (the look-behind stands before the "+", itself no letter or digit; the look-ahead after B). B is 11 (phone),
#   13 ("86" and phone) or 18 (ID number, credit code) characters, each a digit (\d: any Unicode digit, as in
#   _PII) or A-Z, the last of an ID number also "x". The last branch below matches exactly such a run with the
#   same look-around, whichever of the three lengths. A 32-hex request or trace id, or a UUID (runs of 8, 4 and
#   12), is a run of another length, so it does not hit, nor does an ordinary number inside a word.
_MAY_MATCH = re.compile(
    r"\$(?:argon2|2[abxy]|scrypt|pbkdf2)|eyJ"
    r"|\[parameters: |Key \(|Failing row contains \(|query argument \$|invalid input |malformed |value \""
    r"|(?<![0-9A-Za-z])[\dA-Z]{10}(?:[\dA-Z]{2}(?:[\dA-Z]{5})?)?[\dA-Zx](?![0-9A-Za-z])"
)


def _hide_middle(match: re.Match[str]) -> str:
    value = match.group(0)
    return value[:3] + "*" * (len(value) - 5) + value[-2:]


def redact(text: str) -> str:
    """Mask anything shaped like an ID number, credit code or mobile phone (first three and last two kept)."""
    return _PII.sub(_hide_middle, text)


def scrub_database_text(text: str) -> str:
    """Drop the values a database error's text echoes (statement parameters, DETAIL key and row values, the bad
    input PostgreSQL or asyncpg quotes); the constraint, column and type names stay, so the error is still
    diagnosable."""
    for pattern, replacement in _DATABASE_ECHOES:
        text = pattern.sub(replacement, text)
    return text


def mask(text: str) -> str:
    """Everything a log line must not carry: database echoes, password hashes, tokens, personal numbers.

    A string that none of the patterns can match (nearly every message, key and id of a log line) comes back as it
    is after one scan by :data:`_MAY_MATCH`; only the rest goes through the passes below."""
    if _MAY_MATCH.search(text) is None:
        return text
    text = scrub_database_text(text)
    text = _PASSWORD_HASH.sub(lambda m: m.group(0).split("$", 2)[1].join(("$", "$[hidden]")), text)
    text = _JWT.sub("eyJ…[token hidden]", text)
    return redact(text)
