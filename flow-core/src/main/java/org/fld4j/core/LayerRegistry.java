package org.fld4j.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.fld4j.core.image.ChannelActNorm;
import org.fld4j.core.image.ImageCoupling;
import org.fld4j.core.image.Invertible1x1Conv;
import org.fld4j.core.image.Logit;
import org.fld4j.core.image.MultiScaleSplit;
import org.fld4j.core.image.Squeeze;
import org.fld4j.core.image.UniformDequantization;
import org.fld4j.core.image.VariationalDequantization;
import org.fld4j.core.layer.ActNorm;
import org.fld4j.core.layer.AffineCoupling;
import org.fld4j.core.layer.InvertibleLinear;
import org.fld4j.core.layer.Permutation;

/**
 * Maps a {@link LayerConfig#type()} to the code that rebuilds the layer, so that saved flows can be
 * loaded. fld4j's own layers are registered here; other modules register theirs with
 * {@link #register}.
 */
public final class LayerRegistry {

    private static final Map<String, Function<LayerConfig, Transform>> FACTORIES = new ConcurrentHashMap<>();

    static {
        register(AffineCoupling.TYPE, AffineCoupling::fromConfig);
        register(ActNorm.TYPE, ActNorm::fromConfig);
        register(Permutation.TYPE, Permutation::fromConfig);
        register(InvertibleLinear.TYPE, InvertibleLinear::fromConfig);
        register(Squeeze.TYPE, Squeeze::fromConfig);
        register(Logit.TYPE, Logit::fromConfig);
        register(UniformDequantization.TYPE, UniformDequantization::fromConfig);
        register(VariationalDequantization.TYPE,
                VariationalDequantization::fromConfig);
        register(ImageCoupling.TYPE, ImageCoupling::fromConfig);
        register(MultiScaleSplit.TYPE, MultiScaleSplit::fromConfig);
        register(ChannelActNorm.TYPE, ChannelActNorm::fromConfig);
        register(Invertible1x1Conv.TYPE, Invertible1x1Conv::fromConfig);
    }

    private LayerRegistry() {
    }

    /** Makes layers of {@code type} loadable; a type can be registered once. */
    public static void register(String type, Function<LayerConfig, Transform> factory) {
        if (FACTORIES.putIfAbsent(type, factory) != null && FACTORIES.get(type) != factory) {
            throw new IllegalStateException("layer type '" + type + "' is already registered");
        }
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
