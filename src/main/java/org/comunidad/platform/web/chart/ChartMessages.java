package org.comunidad.platform.web.chart;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the chart component ({@code tags/barChart.html}), in Spanish
 * (messages/chart.properties), Portuguese (chart_pt) and English (chart_en).
 */
@MessageBundle(value = "chart", locale = "es")
public interface ChartMessages {

    @Message String legend();
    @Message String scroll();
}
