"""The client address behind reverse proxies: X-Forwarded-For only as far as proxies vouch for it."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from alliance.client_ip import client_ip


def _request(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.fixture
def no_proxy(settings):
    settings.TRUSTED_PROXIES, settings.PROXY_COUNT = [], 0


def test_without_proxy_settings_the_header_is_ignored(no_proxy):
    assert client_ip(_request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_one_trusted_proxy_gives_the_address_it_saw(settings):
    settings.TRUSTED_PROXIES, settings.PROXY_COUNT = ["10.0.0.0/8"], 0
    # The client sent a forged first entry; nginx appended the real peer address.
    assert client_ip(_request("10.0.0.2", "1.2.3.4, 203.0.113.9")) == "203.0.113.9"


def test_a_chain_of_trusted_proxies_is_walked_back(settings):
    settings.TRUSTED_PROXIES, settings.PROXY_COUNT = ["10.0.0.0/8", "192.168.1.1"], 0
    assert client_ip(_request("10.0.0.2", "6.6.6.6, 203.0.113.9, 192.168.1.1")) == "203.0.113.9"


def test_a_request_around_the_proxy_is_not_believed(settings):
    settings.TRUSTED_PROXIES, settings.PROXY_COUNT = ["10.0.0.2"], 0
    assert client_ip(_request("203.0.113.50", "198.51.100.1")) == "203.0.113.50"


def test_proxy_count_takes_the_entry_the_outermost_proxy_wrote(settings):
    settings.TRUSTED_PROXIES, settings.PROXY_COUNT = [], 2
    # chain: forged, client (written by proxy 1), proxy 1 (written by proxy 2), proxy 2 = peer
    request = _request("172.16.0.2", "9.9.9.9, 203.0.113.9, 172.16.0.1")
    assert client_ip(request) == "203.0.113.9"


def test_proxy_count_with_a_short_header_falls_back_to_the_first_hop(settings):
    settings.TRUSTED_PROXIES, settings.PROXY_COUNT = [], 2
    assert client_ip(_request("172.16.0.2", "203.0.113.9")) == "203.0.113.9"


def test_garbage_in_the_header_is_never_returned(settings):
    settings.TRUSTED_PROXIES, settings.PROXY_COUNT = [], 1
    assert client_ip(_request("10.0.0.2", "not-an-address")) == "10.0.0.2"
    assert client_ip(_request("10.0.0.2")) == "10.0.0.2"
