package io.statewise.algorithms;

import io.statewise.algorithms.data.SeriesBatch;
import java.util.List;

/**
 * A model that forecasts time series (DeepAR): what prediction over series needs. Series come as a
 * {@link SeriesBatch}, as training read them; each gets one forecast of the steps after its target.
 */
public interface SeriesModel extends Model {

    /** Steps forecast after each series' last value. */
    int predictionLength();

    /**
     * One forecast per series of {@code series}, in order.
     *
     * @param series not modified, not retained
     * @throws io.statewise.algorithms.data.DataException naming a series that does not fit the model (its
     *                                                    categories, dynamic features or values)
     */
    List<? extends Prediction> forecast(SeriesBatch series);
}
