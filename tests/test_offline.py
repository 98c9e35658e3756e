import socket

import pytest

import offline


def test_loopback_is_local_and_the_rest_is_not():
    assert offline.is_local("127.0.0.1") and offline.is_local("::1") and offline.is_local("localhost")
    assert not offline.is_local("192.0.2.1") and not offline.is_local("pypi.org")


def test_the_guard_is_installed_in_this_process():
    assert getattr(socket.socket.connect, "offline_guard", False)


def test_non_local_lookups_and_connections_are_refused_before_the_real_call(monkeypatch):
    # Stand-ins for the real calls record what would have gone out; the guard must stop it first.
    sent = []
    monkeypatch.setattr(socket.socket, "connect", lambda sock, address: sent.append(address))
    monkeypatch.setattr(socket.socket, "connect_ex", lambda sock, address: sent.append(address))
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *args, **kwargs: sent.append(host))
    offline.install()
    with pytest.raises(offline.NetworkAccessError, match="blocked"):
        socket.getaddrinfo("example.org", 443)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        with pytest.raises(offline.NetworkAccessError, match="blocked"):
            sock.connect(("192.0.2.1", 80))
        with pytest.raises(offline.NetworkAccessError, match="blocked"):
            sock.connect_ex(("192.0.2.1", 80))
        sock.connect(("127.0.0.1", 9))
    assert sent == [("127.0.0.1", 9)]


def test_loopback_connections_still_work():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=5):
            pass


def test_a_notebook_kernel_refuses_the_network():
    from jupyter_client.manager import start_new_kernel

    printed = []
    manager, client = start_new_kernel(kernel_name="python3")
    try:
        reply = client.execute_interactive(
            # A real lookup: without the guard it would reach this machine's resolver.
            "import socket\ntry:\n    socket.getaddrinfo('pypi.org', 443)\nexcept Exception as error:\n"
            "    print(type(error).__name__)",
            output_hook=lambda message: printed.append(message["content"].get("text", "")),
            timeout=60,
        )
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    assert reply["content"]["status"] == "ok"
    assert "".join(printed).strip() == "NetworkAccessError"
