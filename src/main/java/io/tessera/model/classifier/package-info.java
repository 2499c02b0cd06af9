/**
 * Tessera's classifiers: ReLU MLPs (evaluated exactly from their weights) and small CNNs, their training through
 * DJL, model cards and the saved format. May use {@code model}, {@code model.conv} and {@code math}.
 */
package io.tessera.model.classifier;
