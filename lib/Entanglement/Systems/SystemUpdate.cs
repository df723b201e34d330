namespace Entanglement.Systems;

/// <summary>The outcome of one update <c>v → v′</c> (paper, Section 2): the system and its test losses before and after.</summary>
/// <param name="Vertex">The updated vertex v.</param>
/// <param name="Descendants">Its descendants <c>C_v</c>, retrained after the update, in topological order.</param>
/// <param name="Before">The system before the update.</param>
/// <param name="After">The system after training v′ and retraining the descendants.</param>
/// <param name="LossesBefore">Every vertex's test loss before.</param>
/// <param name="LossesAfter">Every vertex's test loss after.</param>
public sealed record SystemUpdate(
    string Vertex,
    IReadOnlyList<string> Descendants,
    TrainedSystem Before,
    TrainedSystem After,
    IReadOnlyDictionary<string, double> LossesBefore,
    IReadOnlyDictionary<string, double> LossesAfter)
{
    /// <summary>Whether <c>ℓ_v(v′) ≤ ℓ_v(v)</c>: the update is an improvement of v itself.</summary>
    public bool Improves => LossesAfter[Vertex] <= LossesBefore[Vertex];

    /// <summary>Descendants whose test loss rose after retraining.</summary>
    public IReadOnlyList<string> WorsenedDescendants =>
        Descendants.Where(w => LossesAfter[w] > LossesBefore[w]).ToList();

    /// <summary>Self-defeating improvement in this single run (paper, Definition 2.1).</summary>
    public bool IsSelfDefeating => Improves && WorsenedDescendants.Count > 0;
}
