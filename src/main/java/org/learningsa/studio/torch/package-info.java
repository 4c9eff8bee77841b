/**
 * Reading and writing {@code torch.save} files in plain Java, safely.
 *
 * <p>Both container formats: zip (torch 1.6+: {@code <prefix>/data.pkl}, {@code <prefix>/data/<key>},
 * {@code <prefix>/version}, read through our own central-directory parser incl. zip64, because
 * java.util.zip cannot give data offsets) and legacy ({@code _use_new_zipfile_serialization=False}:
 * magic, protocol, sys info, object and key-list pickles, then raw storages).
 *
 * <p>Security: a checkpoint is untrusted input. {@link org.learningsa.studio.torch.Unpickler} is a
 * pickle machine (protocols 2 to 5) that never imports or executes anything; globals resolve through
 * {@link org.learningsa.studio.torch.GlobalWhitelist} (tensor/parameter rebuilders, storage classes,
 * OrderedDict, torch.Size, sets, bytes, NumPy scalars) and anything else is refused by name.
 * {@link org.learningsa.studio.torch.ReaderLimits} bounds stack, memo, nesting, string and container
 * sizes; {@link org.learningsa.studio.torch.TreeValidator} refuses cycles and exponential sharing.
 * Every failure is a {@link org.learningsa.studio.torch.TorchFormatException} naming the file.
 *
 * <p>Tensor data is memory-mapped: opening the 1.3 GB LearningSA checkpoint takes well under a second
 * and a few MB of heap; {@link org.learningsa.studio.torch.TensorData#contiguousBytes()} is a
 * zero-copy slice of the mapping where the layout allows. Entry points:
 * {@link org.learningsa.studio.torch.StateDict}, {@link org.learningsa.studio.torch.TorchFile},
 * {@link org.learningsa.studio.torch.TorchWriter}.
 */
package org.learningsa.studio.torch;
