package org.fld4j.core;

import org.fld4j.core.transform.LayerConfig;
import org.fld4j.core.transform.LayerSize;
import org.fld4j.core.transform.Transform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.fld4j.core.image.ChannelActNorm;
import org.fld4j.core.image.Invertible1x1Conv;
import org.fld4j.core.image.Logit;
import org.fld4j.core.image.MultiScaleSplit;
import org.fld4j.core.image.Squeeze;
import org.fld4j.core.image.UniformDequantization;
import org.fld4j.core.image.VariationalDequantization;
import org.fld4j.core.layer.ActNorm;
import org.fld4j.core.coupling.Coupling;
import org.fld4j.core.coupling.HalfSplit;
import org.fld4j.core.coupling.PixelMask;
import org.fld4j.core.layer.InvertibleLinear;
import org.fld4j.core.layer.Permutation;

/**
 * Maps a {@link LayerConfig#type()} to the code that rebuilds the layer, so that saved flows can be
 * loaded. fld4j's own layers are registered here; other modules register theirs with
 * {@link #register}.
 */
public final class LayerRegistry {

    private static final Map<String, Function<LayerConfig, Transform>> FACTORIES = new ConcurrentHashMap<>();
    private static final Map<String, Function<LayerConfig, LayerSize>> SIZES = new ConcurrentHashMap<>();

    static {
        register(HalfSplit.TYPE, Coupling::fromConfig, Coupling::size);
        register(ActNorm.TYPE, ActNorm::fromConfig, ActNorm::size);
        register(Permutation.TYPE, Permutation::fromConfig, Permutation::size);
        register(InvertibleLinear.TYPE, InvertibleLinear::fromConfig, InvertibleLinear::size);
        register(Squeeze.TYPE, Squeeze::fromConfig, Squeeze::size);
        register(Logit.TYPE, Logit::fromConfig, Logit::size);
        register(UniformDequantization.TYPE, UniformDequantization::fromConfig, UniformDequantization::size);
        register(VariationalDequantization.TYPE, VariationalDequantization::fromConfig, VariationalDequantization::size);
        register(PixelMask.TYPE, Coupling::fromConfig, Coupling::size);
        register(MultiScaleSplit.TYPE, c -> MultiScaleSplit.fromConfig(c, LayerRegistry::create),
                c -> MultiScaleSplit.size(c, LayerRegistry::size));
        register(ChannelActNorm.TYPE, ChannelActNorm::fromConfig, ChannelActNorm::size);
        register(Invertible1x1Conv.TYPE, Invertible1x1Conv::fromConfig, Invertible1x1Conv::size);
    }

    private LayerRegistry() {
    }

    /**
     * Makes layers of {@code type} rebuildable from their configs ({@link FlowNetwork#copy}) and loadable from flow
     * files; a type can be registered once. {@code size} works out a layer's parameter count and work from its
     * config without building anything, so that a file is checked before its layers are built: it must agree with
     * what {@code factory} builds (the layer's {@link Transform#parameterSpecs()}).
     */
    public static void register(String type, Function<LayerConfig, Transform> factory,
                                Function<LayerConfig, LayerSize> size) {
        register(type, factory);
        SIZES.putIfAbsent(type, size);
    }

    /**
     * Makes layers of {@code type} rebuildable from their configs, but not loadable from files: without a size rule
     * a file's layers could not be checked before they are built. Use the three-argument form for layers that are
     * saved.
     */
    public static void register(String type, Function<LayerConfig, Transform> factory) {
        if (FACTORIES.putIfAbsent(type, factory) != null && FACTORIES.get(type) != factory) {
            throw new IllegalStateException("layer type '" + type + "' is already registered");
        }
    }

    /** Whether layers of {@code type} can be sized from their configs (and so loaded from files). */
    public static boolean hasSizeRule(String type) {
        return SIZES.containsKey(type);
    }

    /**
     * The parameters and work of the layer {@code config} describes, from the config alone (nothing is built).
     *
     * @throws IllegalArgumentException for an unknown type, one registered without a size rule, or a bad config
     * @throws ArithmeticException      when the sizes overflow a long
     */
    public static LayerSize size(LayerConfig config) {
        Function<LayerConfig, LayerSize> size = SIZES.get(config.type());
        if (size == null) {
            throw new IllegalArgumentException((FACTORIES.containsKey(config.type())
                    ? "layer type '" + config.type() + "' was registered without a size rule, so it cannot be loaded"
                            + " from a file"
                    : "unknown layer type '" + config.type() + "'") + " (known: " + new java.util.TreeSet<>(SIZES.keySet()) + ")");
        }
        return size.apply(config);
    }

    /** Rebuilds a layer from its config. */
    public static Transform create(LayerConfig config) {
        Function<LayerConfig, Transform> factory = FACTORIES.get(config.type());
        if (factory == null) {
            throw new IllegalArgumentException("unknown layer type '" + config.type() + "' (known: "
                    + new java.util.TreeSet<>(FACTORIES.keySet()) + ")");
        }
        return factory.apply(config);
    }
}
