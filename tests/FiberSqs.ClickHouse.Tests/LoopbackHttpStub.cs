// A loopback HTTP server for the protocol corner cases a real ClickHouse will not produce on demand: a redirect, a
// /ping that answers and then a query that hangs, a 200 reply whose body holds "Code: N", a huge body, escape
// sequences in an error. Shared by the xunit tests (compiled in) and the Pester tests (Add-Type -Path this file),
// so it keeps to plain C# that Add-Type compiles. It records every request it gets (to check what was sent where).
#nullable disable
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace FiberSqs.Tests
{
    /// <summary>What the stub answers: a status, headers and a body (or <see cref="BodyBytes"/> bytes of 'x'); or
    /// nothing at all (<see cref="Hang"/>: the connection stays open, silent, until the stub is disposed).</summary>
    public sealed class StubReply
    {
        public StubReply(int status, string body)
        {
            Status = status;
            Body = body;
        }

        public int Status { get; }
        public string Body { get; }
        public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>();
        public long BodyBytes { get; set; }
        public bool Hang { get; set; }

        /// <summary>For a rule matched before the body (<see cref="StubRule.BeforeBody"/>): how fast the request body is
        /// read, in bytes per second; 0 never reads it (a server that stopped taking an upload).</summary>
        public long ReadBytesPerSecond { get; set; }

        public static StubReply Silent() => new StubReply(0, "") { Hang = true };

        public static StubReply Redirect(int status, string location)
        {
            var reply = new StubReply(status, "");
            reply.Headers["Location"] = location;
            return reply;
        }
    }

    /// <summary>A reply for every request whose first line and body ("POST /?... HTTP/1.1\n&lt;body&gt;") contain <see cref="Match"/>.</summary>
    public sealed class StubRule
    {
        public StubRule(string match, StubReply reply)
        {
            Match = match;
            Reply = reply;
        }

        public string Match { get; }
        public StubReply Reply { get; }

        /// <summary>Matched against the request line alone, before the body is read (then read as the reply says).</summary>
        public bool BeforeBody { get; set; }
    }

    public sealed class LoopbackHttpStub : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly IReadOnlyList<StubRule> _rules;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly ConcurrentBag<TcpClient> _clients = new ConcurrentBag<TcpClient>();

        public LoopbackHttpStub(IEnumerable<StubRule> rules)
        {
            _rules = new List<StubRule>(rules);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            Task.Run(AcceptLoop);
        }

        public int Port { get; }

        public string Url => "http://127.0.0.1:" + Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>Every request's head (request line and headers) and body, in arrival order.</summary>
        public ConcurrentQueue<string> Requests { get; } = new ConcurrentQueue<string>();

        private async Task AcceptLoop()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception)
                {
                    return;
                }

                _clients.Add(client);
                _ = Task.Run(() => Serve(client));
            }
        }

        private async Task Serve(TcpClient client)
        {
            try
            {
                var stream = client.GetStream();
                while (!_stop.IsCancellationRequested)
                {
                    var head = await ReadHead(stream).ConfigureAwait(false);
                    if (head == null)
                    {
                        return;
                    }

                    var firstLine = head.Split('\n')[0].Trim();
                    StubReply reply = null;
                    foreach (var rule in _rules)
                    {
                        if (rule.BeforeBody && firstLine.Contains(rule.Match))
                        {
                            reply = rule.Reply;
                            break;
                        }
                    }

                    if (reply != null)
                    {
                        Requests.Enqueue(head);
                        if (reply.ReadBytesPerSecond == 0)
                        {
                            await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false);
                            return;
                        }

                        await Drain(stream, reply.ReadBytesPerSecond).ConfigureAwait(false);
                        await Send(stream, reply).ConfigureAwait(false);
                        return;
                    }

                    var body = await ReadBody(stream, head).ConfigureAwait(false);
                    Requests.Enqueue(head + "\n" + body);
                    foreach (var rule in _rules)
                    {
                        if (!rule.BeforeBody && (firstLine + "\n" + body).Contains(rule.Match))
                        {
                            reply = rule.Reply;
                            break;
                        }
                    }

                    reply = reply ?? new StubReply(404, "no rule");
                    if (reply.Hang)
                    {
                        await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false);
                        return;
                    }

                    await Send(stream, reply).ConfigureAwait(false);
                }
            }
            catch (Exception)
            {
                // the client went away, or the stub is stopping
            }
        }

        private static async Task<string> ReadHead(NetworkStream stream)
        {
            var bytes = new List<byte>();
            var one = new byte[1];
            while (true)
            {
                var n = await stream.ReadAsync(one.AsMemory(0, 1)).ConfigureAwait(false);
                if (n == 0)
                {
                    return null;
                }

                bytes.Add(one[0]);
                var c = bytes.Count;
                if (c >= 4 && bytes[c - 4] == '\r' && bytes[c - 3] == '\n' && bytes[c - 2] == '\r' && bytes[c - 1] == '\n')
                {
                    return Encoding.ASCII.GetString(bytes.ToArray());
                }
            }
        }

        private static async Task<string> ReadBody(NetworkStream stream, string head)
        {
            long length = 0;
            var chunked = false;
            foreach (var line in head.Split('\n'))
            {
                var colon = line.IndexOf(':');
                if (colon < 0)
                {
                    continue;
                }

                var name = line.Substring(0, colon).Trim();
                var value = line.Substring(colon + 1).Trim();
                if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    length = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                }
                else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && value.Contains("chunked"))
                {
                    chunked = true;
                }
            }

            var body = new MemoryStream();
            if (chunked)
            {
                while (true)
                {
                    var size = Convert.ToInt64((await ReadLine(stream).ConfigureAwait(false)).Split(';')[0].Trim(), 16);
                    await Copy(stream, body, size).ConfigureAwait(false);
                    await ReadLine(stream).ConfigureAwait(false);
                    if (size == 0)
                    {
                        break;
                    }
                }
            }
            else
            {
                await Copy(stream, body, length).ConfigureAwait(false);
            }

            return Encoding.UTF8.GetString(body.ToArray());
        }

        /// <summary>Reads a chunked request body at about <paramref name="bytesPerSecond"/>, to its end.</summary>
        private async Task Drain(NetworkStream stream, long bytesPerSecond)
        {
            var buffer = new byte[1 << 16];
            var clock = System.Diagnostics.Stopwatch.StartNew();
            long total = 0;
            while (true)
            {
                var size = Convert.ToInt64((await ReadLine(stream).ConfigureAwait(false)).Split(';')[0].Trim(), 16);
                for (long left = size; left > 0;)
                {
                    var n = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left))).ConfigureAwait(false);
                    if (n == 0)
                    {
                        return;
                    }

                    left -= n;
                    total += n;
                    var ahead = TimeSpan.FromSeconds((double)total / bytesPerSecond) - clock.Elapsed;
                    if (ahead > TimeSpan.FromMilliseconds(20))
                    {
                        await Task.Delay(ahead, _stop.Token).ConfigureAwait(false);
                    }
                }

                await ReadLine(stream).ConfigureAwait(false);
                if (size == 0)
                {
                    return;
                }
            }
        }

        private static async Task<string> ReadLine(NetworkStream stream)
        {
            var sb = new StringBuilder();
            var one = new byte[1];
            while (await stream.ReadAsync(one.AsMemory(0, 1)).ConfigureAwait(false) == 1 && one[0] != '\n')
            {
                sb.Append((char)one[0]);
            }

            return sb.ToString().TrimEnd('\r');
        }

        private static async Task Copy(NetworkStream from, MemoryStream to, long count)
        {
            var buffer = new byte[8192];
            while (count > 0)
            {
                var n = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count))).ConfigureAwait(false);
                if (n == 0)
                {
                    throw new IOException("the client closed the connection mid-body");
                }

                to.Write(buffer, 0, n);
                count -= n;
            }
        }

        private static async Task Send(NetworkStream stream, StubReply reply)
        {
            var body = Encoding.UTF8.GetBytes(reply.Body);
            var length = reply.BodyBytes > 0 ? reply.BodyBytes : body.Length;
            var head = new StringBuilder();
            head.Append("HTTP/1.1 ").Append(reply.Status).Append(" Stub\r\n");
            foreach (var header in reply.Headers)
            {
                head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
            }

            head.Append("Content-Length: ").Append(length).Append("\r\n\r\n");
            var headBytes = Encoding.ASCII.GetBytes(head.ToString());
            await stream.WriteAsync(headBytes.AsMemory()).ConfigureAwait(false);
            if (reply.BodyBytes > 0)
            {
                var block = new byte[1 << 16];
                for (var i = 0; i < block.Length; i++)
                {
                    block[i] = (byte)'x';
                }

                for (long sent = 0; sent < reply.BodyBytes; sent += block.Length)
                {
                    await stream.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, reply.BodyBytes - sent))).ConfigureAwait(false);
                }
            }
            else
            {
                await stream.WriteAsync(body.AsMemory()).ConfigureAwait(false);
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            foreach (var client in _clients)
            {
                client.Dispose();
            }

            _stop.Dispose();
        }
    }
}
