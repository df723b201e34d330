using Entanglement.Data;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Fairness;
using Entanglement.Tensors;

namespace Entanglement.Tests.Scenarios.Fairness;

public sealed class FairerUpstreamTests
{
    private static ImageDataset Images(int count, int[] labels) =>
        new([.. Enumerable.Range(0, count * 9).Select(i => (byte)(i % 7 == 0 ? 200 : 0))], labels, 1, 3, 3);

    [Fact]
    public void Restyle_renders_the_minority_share_of_each_digit()
    {
        var labels = Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? 1 : 7).ToArray();
        var images = Images(40, labels);
        var config = FairerUpstream.Config.For(Profile.Smoke) with { MinorityShare = 0.25 };
        var (styled, groups) = FairerUpstream.Restyle(config, images, new Rng(1234));
        Assert.Equal(5, Enumerable.Range(0, 40).Count(i => groups[i] == 1 && labels[i] == 1));
        Assert.Equal(5, Enumerable.Range(0, 40).Count(i => groups[i] == 1 && labels[i] == 7));
        Assert.Equal(labels, styled.Labels);
        for (var i = 0; i < 40; i++)
        {
            var expected = groups[i] == 1 ? images.Image(i).ToArray().Select(p => (byte)(255 - p)) : images.Image(i).ToArray();
            Assert.Equal(expected, styled.Image(i).ToArray());
        }
    }

    [Fact]
    public void Thickening_is_a_three_by_three_maximum()
    {
        byte[] pixels = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0];
        var thick = DigitStyles.Render(new ImageDataset(pixels, [0], 1, 4, 4), DigitStyle.Thickened);
        // The 9 sits at row 2, column 2: rows 1–3 and columns 1–3 take it.
        Assert.Equal([0, 0, 0, 0, 0, 9, 9, 9, 0, 9, 9, 9, 0, 9, 9, 9], thick.Image(0).ToArray());
    }

    [Fact]
    public void A_run_round_trips_through_the_stored_losses()
    {
        var run = new FairnessRun
        {
            UpstreamEqualisedOdds = 0.3,
            UpstreamDemographicParity = 0.1,
            UpstreamError = 0.12,
            UpstreamErrorMajority = 0.05,
            UpstreamErrorMinority = 0.2,
            DownstreamEqualisedOdds = 0.09,
            DownstreamDemographicParity = 0.02,
            DownstreamError = 0.07,
            DownstreamErrorMajority = 0.04,
            DownstreamErrorMinority = 0.1,
        };
        Assert.Equal(run, FairnessRun.FromLosses(run.ToLosses()));
    }
}
