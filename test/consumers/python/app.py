"""Distribution check, Python: a fresh CDK app using numinia-cdk-baseline as installed from the wheel that
jsii-pacmak has just built (scripts/distribution/consumers.ts installs it into test/consumers/python/.venv).

Usage: python app.py <outdir>
"""

import os
import sys

from aws_cdk import App, Environment, Stack
from numinia_cdk_baseline import NetworkProps, NuminiaBaseline


def main(outdir: str) -> None:
    app = App(outdir=outdir)
    stack = Stack(
        app,
        "numinia-production-baseline",
        env=Environment(account=os.environ.get("CDK_DEFAULT_ACCOUNT"), region="eu-west-1"),
        description="Numinia production base infrastructure (VPC, EFS, KMS, bastion, logging)",
    )
    NuminiaBaseline(
        stack,
        "Baseline",
        environment="production",
        project="numinia",
        network=NetworkProps(
            cidr="10.0.0.0/16",
            availability_zones=["eu-west-1a", "eu-west-1b", "eu-west-1c"],
            private_subnet_cidrs=["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"],
            public_subnet_cidrs=["10.0.101.0/24", "10.0.102.0/24", "10.0.103.0/24"],
        ),
    )
    app.synth()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python app.py <outdir>")
    main(sys.argv[1])
