using Entanglement.Experiments;
using Entanglement.Scenarios;
using Entanglement.Scenarios.PseudoLidar;

namespace Entanglement.Tests.Experiments;

public sealed class SweepConfigHashTests
{
    [Fact]
    public void More_seeds_keep_the_points_hash_while_the_stored_json_lists_them()
    {
        var three = LossFunctionMismatch.Config.For(Profile.Quick) with { Seeds = [0, 1, 2] };
        var five = three with { Seeds = [0, 1, 2, 3, 4] };

        var (json3, hash3) = ConfigHash.OfSweepConfig(three);
        var (json5, hash5) = ConfigHash.OfSweepConfig(five);

        Assert.Equal(hash3, hash5);
        Assert.NotEqual(json3, json5);
        Assert.Contains("\"Seeds\":[0,1,2,3,4]", json5, StringComparison.Ordinal);
        Assert.NotEqual(hash3, ConfigHash.OfSweepConfig(three with { R = [0, 9] }).Hash);
    }

    [Fact]
    public void Tuple_settings_are_part_of_the_json_and_the_hash()
    {
        var config = PseudoLidarCaseStudy.Config.For(Profile.Quick);
        var moreCars = config with { Scenes = config.Scenes with { Cars = (config.Scenes.Cars.Min, config.Scenes.Cars.Max + 3) } };

        var (json, hash) = ConfigHash.OfSweepConfig(config);

        Assert.Contains($"\"Cars\":{{\"Item1\":{config.Scenes.Cars.Min},\"Item2\":{config.Scenes.Cars.Max}}}", json, StringComparison.Ordinal);
        Assert.NotEqual(hash, ConfigHash.OfSweepConfig(moreCars).Hash);
    }

    [Fact]
    public void A_configuration_that_is_not_a_json_object_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ConfigHash.OfSweepConfig(new[] { 1, 2 }));

        Assert.Contains("JSON object", error.Message, StringComparison.Ordinal);
    }
}
