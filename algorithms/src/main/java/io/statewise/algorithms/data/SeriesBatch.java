package io.statewise.algorithms.data;

import java.util.Arrays;

/**
 * A reusable mini-batch of whole time series, SageMaker DeepAR's records: each series has an id, the timestamp of its
 * first observation, its target values ({@code NaN} where missing), optional categorical features ({@code cat}) and
 * optional dynamic features ({@code dynamic_feat}: {@code k} arrays of one common length, stored feature by feature).
 * The values of every series sit in a few flat arrays indexed by per-series starts, which grow to the largest batch
 * and are then reused; a series costs no allocation besides its id and origin strings.
 *
 * <p>Timestamps are seconds since {@code 1970-01-01 00:00:00} of a calendar without time zone
 * ({@link Timestamps}): the data's wall-clock times, as SageMaker reads them.
 *
 * <p>Writers (readers of a {@link SeriesFormat}) start a series with {@link #beginSeries}, append its values, cats
 * and dynamic features, and end it with {@link #commitSeries} (or drop it with {@link #abandonSeries}). Series have
 * no label and no feature dimension: {@link #dimension()} is 0 and the labels are 0. Mutable, single-threaded.
 */
public final class SeriesBatch implements Batch {
    private final int capacity;
    private final float[] labels;
    private final long[] starts;
    private final String[] ids;
    private final String[] origins;
    private final int[] valueStarts;
    private final int[] catStarts;
    private final int[] dynamicStarts;
    private final int[] dynamicFeatures;
    private float[] values;
    private int[] cats;
    private float[] dynamic;
    private int size;
    private int valueEnd;
    private int catEnd;
    private int dynamicEnd;

    /**
     * An empty batch.
     *
     * @param capacity the most series it holds, at least 1
     */
    public SeriesBatch(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        this.capacity = capacity;
        this.labels = new float[capacity];
        this.starts = new long[capacity];
        this.ids = new String[capacity];
        this.origins = new String[capacity];
        this.valueStarts = new int[capacity + 1];
        this.catStarts = new int[capacity + 1];
        this.dynamicStarts = new int[capacity + 1];
        this.dynamicFeatures = new int[capacity];
        this.values = new float[Math.max(64, capacity * 64)];
        this.cats = new int[Math.max(4, capacity)];
        this.dynamic = new float[16];
    }

    /** A batch holding copies of {@code series} (for tests, predictions and small inputs); origins are their ids. */
    public static SeriesBatch of(Series... series) {
        SeriesBatch batch = new SeriesBatch(Math.max(1, series.length));
        for (Series s : series) batch.add(s, s.id());
        return batch;
    }

    /** Appends a copy of {@code series}, found at {@code origin} (e.g. {@code file:line}). */
    public void add(Series series, String origin) {
        beginSeries(series.id(), origin, Timestamps.seconds(series.start()));
        for (float v : series.target()) appendValue(v);
        for (int c : series.cat()) appendCat(c);
        for (float[] feature : series.dynamicFeat()) {
            for (float v : feature) appendDynamic(v);
        }
        commitSeries(series.dynamicFeat().length);
    }

    @Override
    public int capacity() {
        return capacity;
    }

    /** 0: series have no fixed feature dimension. */
    @Override
    public int dimension() {
        return 0;
    }

    /** Series currently held. */
    @Override
    public int size() {
        return size;
    }

    /** Zeros: series carry no label. Owned by the batch. */
    @Override
    public float[] labels() {
        return labels;
    }

    @Override
    public void clear() {
        size = 0;
        valueEnd = 0;
        catEnd = 0;
        dynamicEnd = 0;
    }

    /** The id of series {@code i}: its {@code id} field, or its origin when the input has none. */
    public String id(int i) {
        return ids[i];
    }

    /** Where series {@code i} was read, e.g. {@code data.json:17}; for messages. */
    public String origin(int i) {
        return origins[i];
    }

    /** Timestamp of the first observation of series {@code i}, in {@link Timestamps} seconds. */
    public long start(int i) {
        return starts[i];
    }

    /** Target values of series {@code i}. */
    public int length(int i) {
        return valueStarts[i + 1] - valueStarts[i];
    }

    /** Every series' target values, series after series ({@code NaN} where missing). Owned by the batch. */
    public float[] values() {
        return values;
    }

    /** Offset of series {@code i}'s first target value in {@link #values()}. */
    public int valueStart(int i) {
        return valueStarts[i];
    }

    /** Target value {@code t} of series {@code i}; NaN if missing. */
    public float value(int i, int t) {
        return values[valueStarts[i] + t];
    }

    /** Categorical features of series {@code i}. */
    public int catCount(int i) {
        return catStarts[i + 1] - catStarts[i];
    }

    /** Categorical feature {@code j} of series {@code i}. */
    public int cat(int i, int j) {
        return cats[catStarts[i] + j];
    }

    /** Dynamic features of series {@code i} (0 if it has none). */
    public int dynamicFeatureCount(int i) {
        return dynamicFeatures[i];
    }

    /** Length of every dynamic feature of series {@code i} (0 if it has none). */
    public int dynamicLength(int i) {
        int k = dynamicFeatures[i];
        return k == 0 ? 0 : (dynamicStarts[i + 1] - dynamicStarts[i]) / k;
    }

    /** Value {@code t} of dynamic feature {@code f} of series {@code i}. */
    public float dynamic(int i, int f, int t) {
        return dynamic[dynamicStarts[i] + f * dynamicLength(i) + t];
    }

    /** A copy of series {@code i}. */
    public Series series(int i) {
        float[] target = Arrays.copyOfRange(values, valueStarts[i], valueStarts[i + 1]);
        int[] cat = Arrays.copyOfRange(cats, catStarts[i], catStarts[i + 1]);
        int k = dynamicFeatures[i];
        int length = dynamicLength(i);
        float[][] feat = new float[k][];
        for (int f = 0; f < k; f++) {
            int from = dynamicStarts[i] + f * length;
            feat[f] = Arrays.copyOfRange(dynamic, from, from + length);
        }
        return new Series(ids[i], Timestamps.dateTime(starts[i]), target, cat, feat);
    }

    /** Starts series {@code size()}: its id (null: the origin), origin and first timestamp. */
    public void beginSeries(String id, String origin, long start) {
        if (size == capacity) throw new IllegalStateException("batch is full");
        abandonSeries();
        ids[size] = id == null ? origin : id;
        origins[size] = origin;
        starts[size] = start;
    }

    /** Sets the id and first timestamp of the series being built (when they are read after its values). */
    public void identifySeries(String id, long start) {
        ids[size] = id;
        starts[size] = start;
    }

    /** Appends a target value (NaN for missing) to the series being built. */
    public void appendValue(float v) {
        if (valueEnd == values.length) values = Arrays.copyOf(values, grow(values.length));
        values[valueEnd++] = v;
    }

    /** Appends a categorical feature to the series being built. */
    public void appendCat(int c) {
        if (catEnd == cats.length) cats = Arrays.copyOf(cats, grow(cats.length));
        cats[catEnd++] = c;
    }

    /** Appends a value of the dynamic feature being built (features one after the other, each of one length). */
    public void appendDynamic(float v) {
        if (dynamicEnd == dynamic.length) dynamic = Arrays.copyOf(dynamic, grow(dynamic.length));
        dynamic[dynamicEnd++] = v;
    }

    /** Target values appended to the series being built. */
    public int pendingLength() {
        return valueEnd - valueStarts[size];
    }

    /** Dynamic values appended to the series being built. */
    public int pendingDynamicValues() {
        return dynamicEnd - dynamicStarts[size];
    }

    /**
     * Ends the series being built.
     *
     * @param features dynamic features appended: the dynamic values must divide into this many of one length
     * @throws IllegalArgumentException if they do not
     */
    public void commitSeries(int features) {
        int dynamicValues = pendingDynamicValues();
        if (features < 0 || (features == 0 ? dynamicValues != 0 : dynamicValues % features != 0)) {
            throw new IllegalArgumentException(dynamicValues + " dynamic values do not make " + features
                    + " features of one length");
        }
        dynamicFeatures[size] = features;
        size++;
        valueStarts[size] = valueEnd;
        catStarts[size] = catEnd;
        dynamicStarts[size] = dynamicEnd;
    }

    /** Drops what was appended to the series being built. */
    public void abandonSeries() {
        valueEnd = valueStarts[size];
        catEnd = catStarts[size];
        dynamicEnd = dynamicStarts[size];
    }

    private static int grow(int length) {
        long next = 2L * length;
        if (next > Integer.MAX_VALUE - 8) throw new IllegalStateException("series batch too large: " + length);
        return (int) next;
    }
}
