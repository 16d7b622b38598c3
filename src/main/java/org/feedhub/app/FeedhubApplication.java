package org.feedhub.app;

import org.feedhub.FeedhubProperties;
import org.feedhub.batch.AggregateJobConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The Spring application: auto-configuration plus feedhub's beans. Started by {@link
 * org.feedhub.cli.Main}.
 */
@SpringBootApplication(scanBasePackages = {"org.feedhub.app", "org.feedhub.publish.web"})
@EnableConfigurationProperties(FeedhubProperties.class)
@Import(AggregateJobConfiguration.class)
public class FeedhubApplication {}
