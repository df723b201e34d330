using System.Globalization;

namespace Entanglement.Torch.Tests;

/// <summary>Relative error of one engine's numbers against the other's, as max |a − b| / max |b| over a tensor.</summary>
internal static class Agreement
{
    public static double RelativeError(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        double diff = 0, scale = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            diff = Math.Max(diff, Math.Abs(actual[i] - (double)expected[i]));
            scale = Math.Max(scale, Math.Abs((double)expected[i]));
        }

        return scale == 0 ? diff : diff / scale;
    }

    public static void Close(string what, ReadOnlySpan<float> actual, ReadOnlySpan<float> expected, double bound = 1e-4)
    {
        var error = RelativeError(actual, expected);
        Assert.True(error < bound, string.Create(CultureInfo.InvariantCulture, $"{what}: relative error {error:E2} ≥ {bound:E0}"));
    }
}
