using Entanglement.Tensors;

namespace Entanglement.Systems;

/// <summary>
/// A trained model <c>v(·)</c> of the system (paper, Section 2): maps a batch of inputs (rows are examples) to a
/// batch of outputs <c>f_v(x)</c>. The system calls it inside <see cref="Autograd.NoGrad"/>.
/// </summary>
public delegate Tensor Predictor(Tensor inputs);
