"""Which files a material may be uploaded as: PDF, JPEG, PNG and OFD (the national fixed-layout format, GB/T
33190), recognized by their first bytes, not only by the declared type."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

__all__ = ["ALLOWED_TYPES", "UploadRefused", "checked_upload"]

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
    name = filename.strip().replace("\\", "/").rsplit("/", 1)[-1]
    if not name or len(name) > MAX_FILENAME or any(ord(c) < 32 for c in name):
        raise UploadRefused("upload_filename_invalid", f"文件名须为 1–{MAX_FILENAME} 个可见字符 (filename)")
    return CheckedUpload(
        filename=name, content_type=media_type, size=len(content), sha256=hashlib.sha256(content).hexdigest()
    )
