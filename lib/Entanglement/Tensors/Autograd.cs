namespace Entanglement.Tensors;

/// <summary>Gradient mode and reverse-mode differentiation, as <c>torch.autograd</c>.</summary>
public static class Autograd
{
    // Grad mode is per thread, as in PyTorch; with OpProfile's, the only mutable statics in the library, both thread-local.
    [ThreadStatic]
    private static int _noGradDepth;

    /// <summary>Whether ops record the graph on this thread (false inside <see cref="NoGrad"/>).</summary>
    public static bool IsEnabled => _noGradDepth == 0;

    /// <summary>A scope in which ops record nothing: <c>using (Autograd.NoGrad()) { ... }</c>.</summary>
    public static IDisposable NoGrad()
    {
        _noGradDepth++;
        return new Scope();
    }

    /// <summary>
    /// Back-propagates from <paramref name="root"/>: the graph is sorted with an explicit stack (no recursion),
    /// each node's closure runs once in reverse topological order, and the graph is released afterwards.
    /// </summary>
    internal static void Backward(Tensor root, float[] seed)
    {
        var order = TopologicalOrder(root);
        foreach (var t in order)
        {
            if (t.Node is { IsReleased: true } node)
            {
                throw new InvalidOperationException(
                    $"Backward: the graph through {node.Op} was already freed by an earlier Backward().");
            }
        }

        root.AccumulateGrad(seed);
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var t = order[i];
            var node = t.Node;
            var g = t.TakePendingGrad();
            if (node is null || g is null)
            {
                continue;
            }

            var started = OpProfile.BackwardStarted();
            node.Backward(g);
            if (started != 0)
            {
                OpProfile.BackwardFinished(node.Op, started);
            }

            node.Release();
        }
    }

    private static List<Tensor> TopologicalOrder(Tensor root)
    {
        var order = new List<Tensor>();
        var visited = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Tensor Tensor, int Next)>();
        stack.Push((root, 0));
        visited.Add(root);
        while (stack.Count > 0)
        {
            var (t, next) = stack.Pop();
            var inputs = t.Node?.Inputs ?? [];
            if (next < inputs.Length)
            {
                stack.Push((t, next + 1));
                var child = inputs[next];
                if (child.RequiresGrad && child.Node is not null && visited.Add(child))
                {
                    stack.Push((child, 0));
                }
            }
            else
            {
                order.Add(t);
            }
        }

        return order;
    }

    private sealed class Scope : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                _noGradDepth--;
            }
        }
    }
}
