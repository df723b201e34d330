namespace Entanglement.Torch;

/// <summary>LibTorch (or the device asked for) cannot be used in this process; the message names what is missing.</summary>
public sealed class LibTorchUnavailableException : Exception
{
    public LibTorchUnavailableException()
    {
    }

    public LibTorchUnavailableException(string message)
        : base(message)
    {
    }

    public LibTorchUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
