using System.Text.Json;
using Entanglement.Experiments;

namespace Entanglement.Tests.Cli;

/// <summary>
/// <c>run --json</c> writes valid JSON for every experiment on the smoke profile: JSON has no NaN or infinity, so an
/// undefined statistic (one seed has no standard deviation and no Welch p-value) is <c>null</c> with its reason.
/// </summary>
[Collection(SmokeRunsGroup.Name)]
public sealed class RunJsonTests(SmokeRuns smoke)
{
    [Fact]
    public void Every_experiment_is_summarised_as_valid_json()
    {
        Assert.True(smoke.ExitCode == 0, smoke.Stderr);
        using var json = JsonDocument.Parse(File.ReadAllText(smoke.JsonPath));
        var names = json.RootElement.EnumerateArray().Select(e => e.GetProperty("experiment").GetString()).ToArray();
        Assert.Equal(ExperimentCatalog.All.Select(e => e.Name), names);
        Assert.All(json.RootElement.EnumerateArray(), e => Assert.NotEmpty(e.GetProperty("sweeps").EnumerateArray()));
    }

    [Fact]
    public void Every_null_statistic_has_its_reason_and_every_number_is_finite()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(smoke.JsonPath));
        var nulls = 0;
        foreach (var sweep in json.RootElement.EnumerateArray().SelectMany(e => e.GetProperty("sweeps").EnumerateArray()))
        {
            var undefined = sweep.GetProperty("undefined");
            var fields = sweep.GetProperty("points").EnumerateArray().SelectMany(p => p.EnumerateObject())
                .Select(f => (f.Name, f.Value))
                .Concat(sweep.GetProperty("verdict").EnumerateObject().Select(f => ("verdict." + f.Name, f.Value)));
            foreach (var (name, value) in fields)
            {
                if (value.ValueKind == JsonValueKind.Null)
                {
                    nulls++;
                    Assert.True(undefined.TryGetProperty(name, out var reason), $"{name} is null with no reason");
                    Assert.False(string.IsNullOrWhiteSpace(reason.GetString()));
                }
                else if (value.ValueKind == JsonValueKind.Number)
                {
                    Assert.True(double.IsFinite(value.GetDouble()), name);
                }
            }
        }

        Assert.True(nulls > 0, "the smoke profile has one-seed sweeps, so some statistic must be undefined");
    }

    [Fact]
    public void A_one_seed_p_value_is_null_because_welch_needs_two_seeds()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(smoke.JsonPath));
        var lidar = json.RootElement.EnumerateArray()
            .Single(e => e.GetProperty("experiment").GetString() == PseudoLidarExperiment.Name);
        var sweep = lidar.GetProperty("sweeps")[0];
        Assert.Equal(1, sweep.GetProperty("seeds").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, sweep.GetProperty("verdict").GetProperty("downstreamPValue").ValueKind);
        Assert.Equal("Welch's t-test needs at least two seeds on each side; there are 1 and 1",
            sweep.GetProperty("undefined").GetProperty("verdict.downstreamPValue").GetString());
        Assert.Equal("a standard deviation needs at least two seeds; this point has 1",
            sweep.GetProperty("undefined").GetProperty("upstreamSd").GetString());
        var summary = sweep.GetProperty("verdict").GetProperty("summary").GetString() ?? "";
        Assert.Contains("(p undefined: 1 seed(s), the test needs at least two)", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", summary, StringComparison.Ordinal);
    }
}
