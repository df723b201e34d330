using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Entanglement.Data;

namespace Entanglement.Tests.Data;

public sealed class SvhnDownloaderTests
{
    private static readonly byte[] Content = [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 31))];
#pragma warning disable CA5351 // MD5 mirrors the published SVHN checksums.
    private static readonly string ContentMd5 = Convert.ToHexString(MD5.HashData(Content)).ToLowerInvariant();
#pragma warning restore CA5351

    /// <summary>Serves <see cref="Content"/>, honouring Range requests, and records the ranges asked for.</summary>
    private sealed class FakeServer(bool supportRange = true) : HttpMessageHandler
    {
        public List<long?> RangeStarts { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var from = request.Headers.Range?.Ranges.First().From;
            RangeStarts.Add(from);
            if (from is { } start && supportRange)
            {
                if (start >= Content.Length)
                {
                    return Task.FromResult(new HttpResponseMessage(HttpStatusCode.RequestedRangeNotSatisfiable));
                }

                var partial = new HttpResponseMessage(HttpStatusCode.PartialContent) { Content = new ByteArrayContent(Content[(int)start..]) };
                partial.Content.Headers.ContentRange = new ContentRangeHeaderValue(start, Content.Length - 1, Content.Length);
                return Task.FromResult(partial);
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Content) });
        }
    }

    private static readonly Uri FileUri = new("http://svhn.test/train_32x32.mat");

    [Fact]
    public async Task Download_writes_the_verified_file_and_reports_progress()
    {
        var folder = TestImages.TempFolder();
        try
        {
            using var server = new FakeServer();
            using var downloader = new SvhnDownloader(server);
            var reports = new List<DownloadProgress>();
            var path = await downloader.DownloadFileAsync(FileUri, Path.Combine(folder, "train_32x32.mat"), ContentMd5,
                new SyncProgress(reports.Add));
            Assert.Equal(Content, File.ReadAllBytes(path));
            Assert.Equal(new DownloadProgress("train_32x32.mat", 5000, 5000), reports[^1]);
            Assert.False(File.Exists(path + ".part"));

            // Present and verified: nothing is requested again.
            await downloader.DownloadFileAsync(FileUri, path, ContentMd5);
            Assert.Single(server.RangeStarts);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_partial_download_resumes_with_a_range_request()
    {
        var folder = TestImages.TempFolder();
        try
        {
            var path = Path.Combine(folder, "train_32x32.mat");
            File.WriteAllBytes(path + ".part", Content[..1234]);
            using var server = new FakeServer();
            using var downloader = new SvhnDownloader(server);
            await downloader.DownloadFileAsync(FileUri, path, ContentMd5);
            Assert.Equal([1234L], server.RangeStarts);
            Assert.Equal(Content, File.ReadAllBytes(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_server_without_range_support_restarts_from_zero()
    {
        var folder = TestImages.TempFolder();
        try
        {
            var path = Path.Combine(folder, "train_32x32.mat");
            File.WriteAllBytes(path + ".part", [9, 9, 9]);
            using var server = new FakeServer(supportRange: false);
            using var downloader = new SvhnDownloader(server);
            await downloader.DownloadFileAsync(FileUri, path, ContentMd5);
            Assert.Equal(Content, File.ReadAllBytes(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_md5_mismatch_deletes_the_file_and_says_so()
    {
        var folder = TestImages.TempFolder();
        try
        {
            var path = Path.Combine(folder, "train_32x32.mat");
            File.WriteAllBytes(path + ".part", [1, 2, 3]);
            using var server = new FakeServer();
            using var downloader = new SvhnDownloader(server);
            var e = await Assert.ThrowsAsync<DataFileException>(() => downloader.DownloadFileAsync(FileUri, path, ContentMd5));
            Assert.Contains("MD5", e.Message, StringComparison.Ordinal);
            Assert.Contains("deleted", e.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(path + ".part"));
            Assert.False(File.Exists(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Published_checksums_and_names_are_the_issues()
    {
        Assert.Equal("e26dedcc434d2e4c54c9b2d4a06d8373", Svhn.Md5(SvhnPart.Train));
        Assert.Equal("eb5a983be6a315427106f1b2d2ba6fe6", Svhn.Md5(SvhnPart.Test));
        Assert.Equal("a93ce644f1a588dc4d68dda5feec44a7", Svhn.Md5(SvhnPart.Extra));
        Assert.Equal("extra_32x32.mat", Svhn.FileName(SvhnPart.Extra));
    }

    private sealed class SyncProgress(Action<DownloadProgress> report) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => report(value);
    }
}
