namespace Entanglement.Data;

/// <summary>The three files of SVHN's cropped-digits format.</summary>
public enum SvhnPart
{
    /// <summary><c>train_32x32.mat</c>: 73,257 images.</summary>
    Train,

    /// <summary><c>test_32x32.mat</c>: 26,032 images.</summary>
    Test,

    /// <summary><c>extra_32x32.mat</c>: 531,131 easier images.</summary>
    Extra,
}
