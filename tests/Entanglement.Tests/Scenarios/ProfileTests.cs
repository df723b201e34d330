using Entanglement.Scenarios;

namespace Entanglement.Tests.Scenarios;

public sealed class ProfileTests
{
    [Fact]
    public void Parse_is_case_insensitive_and_rejects_unknown_names()
    {
        Assert.Same(Profile.Quick, Profile.Parse("QUICK"));
        Assert.Same(Profile.Paper, Profile.Parse(" paper "));
        var ex = Assert.Throws<ArgumentException>(() => Profile.Parse("fast"));
        Assert.Contains("smoke, quick, paper", ex.Message, StringComparison.Ordinal);
    }
}
