"""Zip archives that would take the machine down or escape a folder (issue 14, item 3): .qdpx, .docx and
.xlsx are checked from their headers before anything is expanded. Each refusal is one line naming the file
and the project is left as it was. Limits are passed small (`ZipLimits`) so the files stay a few KB; the
compression-ratio case uses the real limits with a 2 MB member."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hostile_files import MAIN_PART, valid_file
from refi_helpers import patch_header

from workbench.ingest import office
from workbench.ingest.folder import import_file
from workbench.ingest.refi import import_qdpx
from workbench.refi_xml import DEFAULT_LIMITS, OFFICE_LIMITS, ZipLimits

pytest_plugins = ["hostile_fixtures"]  # seeded, refused, cli_refused

FORMATS = [".qdpx", ".docx", ".xlsx"]


def _importer(monkeypatch: pytest.MonkeyPatch, path: Path, limits: ZipLimits | None = None):  # type: ignore[no-untyped-def]
    """The import of `path` under `limits` (the format's own when None)."""
    if path.suffix == ".qdpx":
        return lambda project: import_qdpx(project, path, limits=limits or DEFAULT_LIMITS)
    if limits is not None:
        monkeypatch.setattr(office, "OFFICE_LIMITS", limits)
    return lambda project: import_file(project, path)


def _infos(path: Path) -> list[zipfile.ZipInfo]:
    with zipfile.ZipFile(path) as archive:
        return archive.infolist()


@pytest.mark.parametrize("suffix", FORMATS)
def test_too_many_members(refused, monkeypatch, tmp_path, suffix):
    path = valid_file(tmp_path / f"membres{suffix}", extra={"media/un_de_trop.txt": "x"})
    members = len(_infos(path))
    limits = ZipLimits(max_members=members - 1)
    refused(_importer(monkeypatch, path, limits),
            f"{path}: archive has {members} members, over the limit of {members - 1}")


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_member_over_the_size_limit(refused, monkeypatch, tmp_path, suffix):
    limit = max(info.file_size for info in _infos(valid_file(tmp_path / f"valide{suffix}")))
    path = valid_file(tmp_path / f"gros{suffix}", extra={"media/gros.bin": b"\x01" * (limit + 1)})
    refused(_importer(monkeypatch, path, ZipLimits(max_member_bytes=limit)),
            f"{path}: member 'media/gros.bin' would expand to {limit + 1} bytes, over the limit")


@pytest.mark.parametrize("suffix", FORMATS)
def test_members_over_the_total_size_limit(refused, monkeypatch, tmp_path, suffix):
    path = valid_file(tmp_path / f"total{suffix}", extra={"media/a.bin": b"\x01" * 6000, "media/b.bin": b"\x02" * 6000})
    total = sum(info.file_size for info in _infos(path))
    refused(_importer(monkeypatch, path, ZipLimits(max_total_bytes=total - 1)),
            f"{path}: archive would expand to {total} bytes, over the limit; refused")


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_zip_bomb_over_the_compression_ratio(refused, monkeypatch, tmp_path, suffix):
    """2 MB of zeros in 2 KB, with the real limits (200:1 above 1 MB)."""
    path = valid_file(tmp_path / f"bombe{suffix}", extra={"media/zeros.bin": b"\x00" * (2 * 1024**2)})
    assert path.stat().st_size < 100_000
    bomb = next(info for info in _infos(path) if info.filename == "media/zeros.bin")
    ratio = bomb.file_size / bomb.compress_size
    assert ratio > (DEFAULT_LIMITS if suffix == ".qdpx" else OFFICE_LIMITS).max_ratio
    refused(_importer(monkeypatch, path),
            f"{path}: member 'media/zeros.bin' has a compression ratio of {ratio:.0f}:1 (zip bomb?); refused")


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("name", ["../evil.txt", "media/../../evil.txt", "/etc/cron.d/x", "C:/Windows/x.txt",
                                  "media\\..\\x.txt"])
def test_a_member_name_that_escapes_the_folder(refused, monkeypatch, tmp_path, suffix, name):
    path = valid_file(tmp_path / f"chemin{suffix}", extra={name: "x"})
    refused(_importer(monkeypatch, path), f"{path}: unsafe member name {name!r} in archive (path traversal); refused")


REAL_SIZE_EXCEEDS_HEADER = {
    ".qdpx": "member 'project.qde' is corrupt: Bad CRC-32 for file 'project.qde'",
    ".docx": "the file is damaged: Bad CRC-32 for file 'word/document.xml'",
    ".xlsx": "the file is damaged: Bad CRC-32 for file 'xl/worksheets/sheet1.xml'",
}


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_member_whose_real_size_exceeds_its_header(refused, monkeypatch, tmp_path, suffix):
    """The header says 100 bytes, the member holds more: never read past 100, and the damage is said."""
    path = valid_file(tmp_path / f"menteur{suffix}")
    patch_header(path, MAIN_PART[suffix], size=100)
    refused(_importer(monkeypatch, path), f"{path}: {REAL_SIZE_EXCEEDS_HEADER[suffix]}")


ENCRYPTED = {
    ".qdpx": "member 'project.qde' is encrypted; export the project without a password",
    ".docx": "word/document.xml is encrypted; save the file again without a password",
    ".xlsx": "xl/worksheets/sheet1.xml is encrypted; save the file again without a password",
}


@pytest.mark.parametrize("suffix", FORMATS)
def test_an_encrypted_member(refused, monkeypatch, tmp_path, suffix):
    path = valid_file(tmp_path / f"chiffre{suffix}")
    patch_header(path, MAIN_PART[suffix], encrypted=True)
    refused(_importer(monkeypatch, path), f"{path}: {ENCRYPTED[suffix]}")


def test_a_project_xml_over_the_read_limit_is_refused_before_it_is_read(refused, tmp_path):
    """A .qdpx within every zip limit held a project XML of 500 MB that the parser took 20 GB to expand:
    what is read into memory is bounded apart from what an archive may contain."""
    path = valid_file(tmp_path / "lourd.qdpx", transform=lambda text: text.replace("Le prix", "a" * 3_000_000))
    refused(lambda project: import_qdpx(project, path, limits=ZipLimits(max_read_bytes=2 * 1024**2, max_ratio=10_000)),
            f"{path}: member 'project.qde' is 3 MB, over the 2 MB read from one member; refused")
