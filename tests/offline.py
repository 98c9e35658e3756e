"""A network guard: every connection and name lookup must stay on the loopback interface.

``conftest.py`` installs it in the pytest process and, through an IPython
startup file, in every Jupyter kernel that nbval starts, so neither the unit
tests nor the notebooks can reach the network (the kernel's own connections to
127.0.0.1 keep working).
"""

import ipaddress
import socket

LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}


class NetworkAccessError(RuntimeError):
    """Raised instead of opening a connection that would leave this machine."""


def is_local(host):
    """True for loopback addresses and names, and for Unix-socket paths."""
    if isinstance(host, (bytes, bytearray)):
        host = host.decode()
    if host is None or host in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def install():
    """Patch ``socket`` so that non-local connections and lookups raise ``NetworkAccessError``."""
    if getattr(socket.socket.connect, "offline_guard", False):
        return
    real_connect, real_connect_ex, real_getaddrinfo = (
        socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo)

    def _check(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not is_local(address[0]):
            raise NetworkAccessError(f"network access to {address!r} is blocked: the course runs offline")

    def connect(sock, address):
        _check(sock, address)
        return real_connect(sock, address)

    def connect_ex(sock, address):
        _check(sock, address)
        return real_connect_ex(sock, address)

    def getaddrinfo(host, *args, **kwargs):
        if not is_local(host):
            raise NetworkAccessError(f"name lookup of {host!r} is blocked: the course runs offline")
        return real_getaddrinfo(host, *args, **kwargs)

    connect.offline_guard = True
    socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = connect, connect_ex, getaddrinfo
