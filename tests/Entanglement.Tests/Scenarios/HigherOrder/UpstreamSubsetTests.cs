using Entanglement.Scenarios.HigherOrder;

namespace Entanglement.Tests.Scenarios.HigherOrder;

public sealed class UpstreamSubsetTests
{
    [Fact]
    public void All_lists_the_eight_subsets_by_size()
    {
        Assert.Equal(["none", "{u1}", "{u2}", "{u3}", "{u1,u2}", "{u1,u3}", "{u2,u3}", "{u1,u2,u3}"], UpstreamSubset.All.Select(s => s.ToString()));
        Assert.Equal([0, 1, 1, 1, 2, 2, 2, 3], UpstreamSubset.All.Select(s => s.Count));
        Assert.True(new UpstreamSubset(0b101).Contains(2));
        Assert.False(new UpstreamSubset(0b101).Contains(1));
    }
}
