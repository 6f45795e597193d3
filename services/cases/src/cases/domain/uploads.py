"""Which files a material may be uploaded as: PDF, JPEG, PNG and OFD (the national fixed-layout format, GB/T
33190), recognized by their first bytes, not only by the declared type."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

__all__ = ["ALLOWED_TYPES", "UploadRefused", "check_upload_caps", "checked_upload"]

# declared content type -> the magic bytes its files start with
ALLOWED_TYPES: dict[str, bytes] = {
    "application/pdf": b"%PDF-",
    "image/jpeg": b"\xff\xd8\xff",
    "image/png": b"\x89PNG\r\n\x1a\n",
    "application/ofd": b"PK\x03\x04",  # an OFD file is a ZIP package
}
MAX_FILENAME = 200


class UploadRefused(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class CheckedUpload:
    filename: str
    content_type: str
    size: int
    sha256: str


def _shown_as_is(character: str) -> bool:
    """Whether a file name may hold the character: not a control (C0, DEL, C1), format (bidi overrides, zero
    widths: a name shown reversed lies about its type, "\u202efdp.exe"), surrogate, private-use or unassigned
    one, and not U+FFFD (what bytes that were not UTF-8 became)."""
    return unicodedata.category(character) not in _HIDDEN and character != "\ufffd"


_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def checked_upload(*, filename: str, content_type: str, content: bytes, max_bytes: int) -> CheckedUpload:
    """The file's facts, or the reason it is refused (size, type, content not matching the type, name)."""
    if len(content) > max_bytes:
        raise UploadRefused(
            "upload_too_large", f"文件超过上限 {max_bytes} 字节 (file larger than {max_bytes} bytes)"
        )
    if not content:
        raise UploadRefused("upload_empty", "文件为空 (empty file)")
    media_type = content_type.split(";", 1)[0].strip().lower()
    magic = ALLOWED_TYPES.get(media_type)
    if magic is None:
        allowed = ", ".join(sorted(ALLOWED_TYPES))
        raise UploadRefused(
            "upload_type_not_allowed", f"只接受 {allowed} (type {media_type or '?'} not allowed)"
        )
    if not content.startswith(magic):
        raise UploadRefused(
            "upload_content_mismatch", f"文件内容不是 {media_type} (content does not match type)"
        )
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    if not name or len(name) > MAX_FILENAME or not all(_shown_as_is(c) for c in name) or name != name.strip():
        raise UploadRefused("upload_filename_invalid", f"文件名须为 1–{MAX_FILENAME} 个可见字符 (filename)")
    return CheckedUpload(
        filename=name, content_type=media_type, size=len(content), sha256=hashlib.sha256(content).hexdigest()
    )


def check_upload_caps(
    *, size: int, material_total: int, case_total: int, material_cap: int, case_cap: int
) -> None:
    """A file may be stored only while everything uploaded for its material, and for its case, stays within the
    caps (files a later upload replaced stay stored and count): without them, repeated uploads fill the disk."""
    if material_total + size > material_cap:
        raise UploadRefused(
            "material_upload_cap_reached",
            f"本项材料累计上传已达上限 {material_cap} 字节（已上传 {material_total} 字节），不能再上传；"
            "如需更换文件，请到窗口办理 (uploads of this material would exceed the per-material cap)",
        )
    if case_total + size > case_cap:
        raise UploadRefused(
            "case_upload_cap_reached",
            f"本件申请累计上传已达上限 {case_cap} 字节（已上传 {case_total} 字节），不能再上传；"
            "请到窗口办理或联系经办人员 (uploads of this case would exceed the per-case cap)",
        )
