using System.Text;

namespace Entanglement.Notebooks;

/// <summary>A console writer that forwards everything written to an <see cref="OutputRecorder"/> stream.</summary>
internal sealed class StreamCaptureWriter(OutputRecorder recorder, string name) : TextWriter
{
    /// <inheritdoc/>
    public override Encoding Encoding => Encoding.UTF8;

    /// <inheritdoc/>
    public override void Write(char value) => recorder.Write(name, value.ToString());

    /// <inheritdoc/>
    public override void Write(string? value) => recorder.Write(name, value ?? "");

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => recorder.Write(name, new string(buffer, index, count));

    /// <inheritdoc/>
    public override void WriteLine(string? value) => recorder.Write(name, (value ?? "") + "\n");

    /// <inheritdoc/>
    public override void WriteLine() => recorder.Write(name, "\n");
}
