using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Entanglement.Data;

/// <summary>
/// Downloads SVHN files into a cache folder: resumes a partial <c>.part</c> file with an HTTP Range request, checks the
/// published MD5, deletes the file on a mismatch (and says so in the exception), and renames only a verified file into place.
/// </summary>
public sealed class SvhnDownloader : IDisposable
{
    private readonly HttpClient _client;
    private readonly Uri _baseUri;

    /// <summary>Creates the downloader; tests pass their own <paramref name="handler"/> and <paramref name="baseUri"/>.</summary>
    public SvhnDownloader(HttpMessageHandler? handler = null, Uri? baseUri = null)
    {
        _client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _client.Timeout = Timeout.InfiniteTimeSpan;
        _baseUri = baseUri ?? Svhn.BaseUri;
    }

    /// <summary>Downloads one part (skipped when already present and verified); returns the file's path.</summary>
    public Task<string> DownloadAsync(SvhnPart part, string cacheDirectory, IProgress<DownloadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(cacheDirectory);
        var name = Svhn.FileName(part);
        return DownloadFileAsync(new Uri(_baseUri, name), Path.Combine(cacheDirectory, name), Svhn.Md5(part), progress, cancellationToken);
    }

    /// <summary>Downloads <paramref name="uri"/> to <paramref name="path"/>, resuming <c>path.part</c>, verifying <paramref name="md5"/>.</summary>
    public async Task<string> DownloadFileAsync(Uri uri, string path, string md5, IProgress<DownloadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(md5);
        var name = Path.GetFileName(path);
        if (File.Exists(path))
        {
            Verify(path, md5);
            return path;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
        var part = path + ".part";
        var have = File.Exists(part) ? new FileInfo(part).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (have > 0)
        {
            request.Headers.Range = new RangeHeaderValue(have, null);
        }

        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && have > 0)
        {
            // The partial file already holds every byte; the MD5 decides.
            Verify(part, md5);
            File.Move(part, path);
            return path;
        }

        response.EnsureSuccessStatusCode();
        var resumed = response.StatusCode == HttpStatusCode.PartialContent && have > 0;
        if (!resumed)
        {
            have = 0;
        }

        long? total = resumed
            ? response.Content.Headers.ContentRange?.Length ?? (have + response.Content.Headers.ContentLength)
            : response.Content.Headers.ContentLength;
        await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
        await using (var file = new FileStream(part, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            var buffer = new byte[1 << 16];
            var lastReport = -1L;
            int n;
            while ((n = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await file.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                have += n;
                if (have - lastReport >= 1 << 20)
                {
                    progress?.Report(new DownloadProgress(name, have, total));
                    lastReport = have;
                }
            }
        }

        progress?.Report(new DownloadProgress(name, have, total));
        Verify(part, md5);
        File.Move(part, path);
        return path;
    }

    /// <summary>Frees the HTTP client.</summary>
    public void Dispose() => _client.Dispose();

    /// <summary>Throws (after deleting the file) when <paramref name="path"/>'s MD5 is not <paramref name="md5"/>.</summary>
    internal static void Verify(string path, string md5)
    {
        string actual;
        using (var stream = File.OpenRead(path))
        {
#pragma warning disable CA5351 // MD5 is what SVHN publishes; it checks integrity, not authenticity.
            actual = Convert.ToHexString(MD5.HashData(stream)).ToLowerInvariant();
#pragma warning restore CA5351
        }

        if (!string.Equals(actual, md5, StringComparison.OrdinalIgnoreCase))
        {
            File.Delete(path);
            throw new DataFileException(path, $"MD5 {actual} does not match the published {md5.ToLowerInvariant()}; the file was deleted, run the download again.");
        }
    }
}
