using Entanglement.Data;
using Entanglement.Scenarios;

namespace Entanglement.Tests.Scenarios;

/// <summary>The presets state the paper's protocol (Appendix B) and the measured quick settings.</summary>
public sealed class PresetTests
{
    [Fact]
    public void Paper_profile_follows_the_papers_protocol()
    {
        var lfm = LossFunctionMismatch.Config.For(Profile.Paper);
        Assert.Equal(DatasetKind.Svhn, lfm.Dataset);
        Assert.Equal(Enumerable.Range(0, 10), lfm.R);
        Assert.Equal(0.10, lfm.CleanFraction);
        Assert.Equal((500, 256, 1e-3, true), (lfm.UpstreamTraining.Epochs, lfm.UpstreamTraining.BatchSize, lfm.UpstreamTraining.LearningRate, lfm.UpstreamTraining.Augmentation!.HorizontalFlip));
        Assert.Equal((100, 256, 1e-2), (lfm.DownstreamTraining.Epochs, lfm.DownstreamTraining.BatchSize, lfm.DownstreamTraining.LearningRate));
        Assert.Equal([250, 375], lfm.UpstreamTraining.Milestones);
        Assert.Equal(40, lfm.Seeds.Count);
        Assert.Equal(200, DataDistributionMismatch.Config.For(Profile.Paper).UpstreamTraining.Epochs);
        Assert.Equal([1, 2, 3, 4, 5], HypothesisSpaceMismatch.Config.For(Profile.Paper).HeadDepth);
        Assert.Equal(UpstreamArchitecture.ResNet18ImageNetStem, AntiCorrelatedErrors.Config.For(Profile.Paper).Upstream.Architecture);
    }

    [Fact]
    public void Quick_profile_uses_the_measured_quick_settings()
    {
        var lfm = LossFunctionMismatch.Config.For(Profile.Quick);
        Assert.Equal(0.05, lfm.CleanFraction);
        Assert.Equal((60, 64, false), (lfm.UpstreamTraining.Epochs, lfm.UpstreamTraining.BatchSize, lfm.UpstreamTraining.Augmentation!.HorizontalFlip));
        Assert.Equal(4, lfm.UpstreamTraining.Augmentation.CropPadding);
        var ddm = DataDistributionMismatch.Config.For(Profile.Quick);
        Assert.Equal([4], ddm.Upstream.HeadHidden);
        Assert.Equal(FeatureTap.LastHidden, ddm.Upstream.FeatureTap);
        Assert.Equal([1, 7], ddm.FixedClasses);
        Assert.Equal([10, 100], ddm.P);
        Assert.Equal(4000, ddm.MaxTrainImages);
        var hsm = HypothesisSpaceMismatch.Config.For(Profile.Quick);
        Assert.Equal((UpstreamArchitecture.SmallConvNetPublicCode, 8), (hsm.Upstream.Architecture, hsm.Upstream.Width));
        Assert.Equal([1, 5], hsm.HeadDepth);
        Assert.Equal(20, hsm.UpstreamTraining.Epochs);
        var ace = AntiCorrelatedErrors.Config.For(Profile.Quick);
        Assert.Equal((15, 10), (ace.ReferenceTraining.Epochs, ace.UpstreamTraining.Epochs));
        Assert.Equal(DifficultyCurve.EpochEndEval, ace.Difficulty);
    }
}
