"""Site entries: bundled ones load, a minimal entry is enough, mistakes fail loudly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govcrawl.sites import SiteEntryError, load_entries, load_entry, resolve_site


def test_bundled_entries_load() -> None:
    entries = load_entries()
    assert {"tianmen", "xiantao", "qianjiang"} <= set(entries)
    tianmen = entries["tianmen"]
    assert tianmen.domains == ["www.tianmen.gov.cn"]
    assert any(c.url.endswith("/zwgk/zc/tzgg/") for c in tianmen.start_columns)


def test_minimal_entry(tmp_path: Path) -> None:
    path = tmp_path / "mini.toml"
    path.write_text('key = "mini"\nname = "小站"\ndomains = ["x.gov.cn"]\n'
                    'start_urls = ["http://x.gov.cn/xwzx/"]\n', encoding="utf-8")
    entry = resolve_site(str(path))
    assert entry.key == "mini"
    assert [c.url for c in entry.start_columns] == ["http://x.gov.cn/xwzx/"]


@pytest.mark.parametrize(("text", "message"), [
    ('key = "a"\nname = "b"\ndomains = ["x"]\nstart_urls = ["http://x/"]\nstrat_urls = []\n',
     "strat_urls"),
    ('key = "Bad Key"\nname = "b"\ndomains = ["x"]\nstart_urls = ["http://x/"]\n', "key"),
    ('key = "a"\nname = "b"\ndomains = ["x"]\n', "needs home, start_urls or columns"),
    ('key = "a"\nname = "b"\ndomains = ["x"]\nstart_urls = ["http://x/"]\narticle_pattern = "("\n',
     "article_pattern"),
    ('key = "a"\nname = ', "Invalid value"),
])
def test_bad_entries_fail_loudly(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SiteEntryError, match=message):
        load_entry(path)


def test_unknown_key_lists_known_ones() -> None:
    with pytest.raises(SiteEntryError, match=r"known: .*tianmen"):
        resolve_site("atlantis")


def test_bundled_entries_are_off_until_a_two_line_entry_turns_one_on(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GOVCRAWL_HOME", str(tmp_path))
    (tmp_path / "data" / "sites").mkdir(parents=True)
    assert not any(entry.enabled for entry in load_entries().values())
    (tmp_path / "data" / "sites" / "tianmen.toml").write_text('key = "tianmen"\nenabled = true\nmax_pages = 3\n',
                                                              encoding="utf-8")
    tianmen = load_entries()["tianmen"]
    assert tianmen.enabled and tianmen.max_pages == 3
    assert tianmen.name == "天门市人民政府" and tianmen.start_columns  # the rest from the bundled entry


def test_an_unreadable_entry_file_is_skipped_and_named(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GOVCRAWL_HOME", str(tmp_path))
    sites = tmp_path / "data" / "sites"
    sites.mkdir(parents=True)
    (sites / "broken.toml").write_text('key = "broken"\nname = ', encoding="utf-8")
    (sites / "mine.toml").write_text('key = "mine"\nname = "我的站"\ndomains = ["x.gov.cn"]\n'
                                     'start_urls = ["http://x.gov.cn/"]\n', encoding="utf-8")
    with pytest.raises(SiteEntryError, match=r"broken\.toml"):
        load_entries()
    errors: list[SiteEntryError] = []
    assert "mine" in load_entries(errors=errors)
    assert len(errors) == 1 and "broken.toml" in str(errors[0])
    assert resolve_site("mine").name == "我的站"  # a named site runs despite the broken file


def _entry_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "entry.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("domain", "fix"), [
    ("gov.cn", "public suffix"),  # would let a crawl roam every government site
    ("cn", "public suffix"),
    ("com.cn", "public suffix"),
    ("github.io", "public suffix"),  # a private suffix is as wide
    ("*.gov.cn", "without scheme, path, port or wildcard"),
    ("*", "without scheme, path, port or wildcard"),
    ("http://x.gov.cn/", "without scheme, path, port or wildcard"),
    ("x.gov.cn:8080", "without scheme, path, port or wildcard"),
    ("x.gov.cn/xwzx", "without scheme, path, port or wildcard"),
    ("", "without scheme, path, port or wildcard"),
])
def test_a_domain_must_be_one_site_s_own_host(tmp_path: Path, domain: str, fix: str) -> None:
    path = _entry_file(tmp_path, f'key = "a"\nname = "b"\ndomains = ["{domain}"]\nhome = "http://x.gov.cn/"\n')
    with pytest.raises(SiteEntryError, match=rf"entry\.toml: `domains`: '{re.escape(domain)}' .*{fix}"):
        load_entry(path)


@pytest.mark.parametrize(("domain", "home"), [
    ("www.tianmen.gov.cn", "https://www.tianmen.gov.cn/"),
    ("tianmen.gov.cn", "https://www.tianmen.gov.cn/"),  # a host under a domain
    ("127.0.0.1", "http://127.0.0.1:8080/"),  # loopback test sites: a port in the address is fine
    ("localhost", "http://localhost:8080/"),
    ("::1", "http://[::1]:8080/"),
    ("unreachable.invalid", "http://unreachable.invalid/"),  # no public suffix at all
    ("WWW.Tianmen.gov.cn", "https://www.tianmen.gov.cn/"),  # hosts are case-insensitive
])
def test_hosts_ip_addresses_and_localhost_are_domains(tmp_path: Path, domain: str, home: str) -> None:
    entry = load_entry(_entry_file(tmp_path, f'key = "a"\nname = "b"\ndomains = ["{domain}"]\nhome = "{home}"\n'))
    assert entry.domains == [domain.lower()]


@pytest.mark.parametrize(("pages", "where", "fix"), [
    ('home = "file:///etc/passwd"', "home", "not an http"),
    ('home = "javascript:alert(1)"', "home", "not an http"),
    ('home = "htp://www.x.gov.cn/"', "home", "not an http"),
    ('home = "www.x.gov.cn/xwzx/"', "home", "not an http"),
    ('home = "http://www.y.gov.cn/"', "home", "add www.y.gov.cn to domains"),
    ('home = "http://x.gov.cn/"', "home", "add x.gov.cn to domains"),  # above the domain, not under it
    ('start_urls = ["http://www.x.gov.cn/a/", "https://evil.example.com/"]', r"start_urls\[1\]", "add evil"),
    ('[[columns]]\nname = "要闻"\nurl = "ftp://www.x.gov.cn/"', r"columns\[0\]\.url", "not an http"),
])
def test_start_pages_are_http_addresses_on_the_domains(tmp_path: Path, pages: str, where: str, fix: str) -> None:
    path = _entry_file(tmp_path, f'key = "a"\nname = "b"\ndomains = ["www.x.gov.cn"]\n{pages}\n')
    with pytest.raises(SiteEntryError, match=rf"`{where}`: .*{fix}"):
        load_entry(path)


@pytest.mark.parametrize("key", ["a" * 300, "a" * 65, "../etc", "tian men", "Tianmen", "-a", "天门"])
def test_a_key_is_a_short_slug(tmp_path: Path, key: str) -> None:
    path = _entry_file(tmp_path, f'key = "{key}"\nname = "b"\ndomains = ["x.gov.cn"]\nhome = "http://x.gov.cn/"\n')
    with pytest.raises(SiteEntryError, match=r"`key`: .* is not a short slug: use lower-case"):
        load_entry(path)


def test_keys_in_use_are_slugs(tmp_path: Path) -> None:
    for key in ("a" * 64, "tianmen", "t", "23slxx_cn", "hcdd-cq-cn", "0"):
        path = _entry_file(tmp_path, f'key = "{key}"\nname = "b"\ndomains = ["x.gov.cn"]\nhome = "http://x.gov.cn/"\n')
        assert load_entry(path).key == key


@pytest.mark.parametrize(("text", "message"), [
    ('domain = ["x.gov.cn"]', "unknown key `domain`: did you mean `domains`?; `domains` is missing: add domains = "),
    ('domains = ["x.gov.cn"]\nstrat_urls = []', "unknown key `strat_urls`: did you mean `start_urls`?"),
    ('domains = ["x.gov.cn"]\n[selectors]\ntitel = "h1"', "unknown key `selectors.titel`: did you mean `title`?"),
    ('domains = ["x.gov.cn"]\n[[columns]]\nnmae = "要闻"\nurl = "http://x.gov.cn/"',
     "unknown key `columns[0].nmae`: did you mean `name`?"),
])
def test_a_mistake_is_one_plain_line_naming_the_key_and_the_fix(tmp_path: Path, text: str, message: str) -> None:
    path = _entry_file(tmp_path, f'key = "a"\nname = "b"\nhome = "http://x.gov.cn/"\n{text}\n')
    with pytest.raises(SiteEntryError) as caught:
        load_entry(path)
    assert str(caught.value).startswith(f"{path}: {message}")
    assert "\n" not in str(caught.value) and "pydantic" not in str(caught.value)
