"""Where a build's heavy stages run besides this process: ``ray_build`` (Ray Data on a Ray cluster).

Engines are imported only when a build asks for one, so ``import rag`` never imports Ray.
"""
